package id.lindung.shared.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The progress registry without a server: whose an entry is, which ids count, how often a report is written. */
class OperationProgressTest {

    private final OperationProgress operations = new OperationProgress();

    @Test
    void anOperationIsReadOnlyByTheUserWhoStartedIt() {
        String id = UUID.randomUUID().toString();
        Progress progress = operations.start("petugas.kalbar", id);
        progress.phase("billing.lines", 1, 1, 10);

        assertThat(operations.state("petugas.kalbar", id))
                .get()
                .extracting(Progress.State::total)
                .isEqualTo(10L);
        assertThat(operations.state("petugas.kalbar", id.toUpperCase(java.util.Locale.ROOT)))
                .isPresent();
        assertThat(operations.state("petugas.ketapang", id)).isEmpty();
        assertThat(operations.state("petugas.kalbar", UUID.randomUUID().toString()))
                .isEmpty();
    }

    @Test
    void withoutAnIdTheWorkReportsIntoNothing() {
        assertThat(operations.start("admin", null)).isSameAs(Progress.none());
        assertThat(operations.start("admin", "")).isSameAs(Progress.none());
        assertThat(operations.start("admin", "../../etc")).isSameAs(Progress.none());
        Progress.none().phase("read", 1, 2, 5);
        Progress.none().advance(3);
        assertThat(Progress.none().state().phase()).isEqualTo("waiting");
        assertThat(operations.state("admin", "not-an-id")).isEmpty();
    }

    @Test
    void aReportPerRowWritesAboutAHundredStatesAndTheLastOne() {
        Progress progress = operations.start("admin", UUID.randomUUID().toString());
        progress.phase("sponsorship.add", 2, 2, 1_000_000);
        Set<Progress.State> written = new HashSet<>();
        long last = -1;
        for (long row = 1; row <= 1_000_000; row++) {
            progress.advance(row);
            Progress.State s = progress.state();
            assertThat(s.done()).isGreaterThanOrEqualTo(last);
            last = s.done();
            written.add(s);
        }
        assertThat(written).hasSizeBetween(100, 102);
        assertThat(progress.state().done()).isEqualTo(1_000_000);
        progress.finish();
        assertThat(progress.state().finished()).isTrue();
        assertThat(progress.state().step()).isEqualTo(2);
    }

    @Test
    void readingAnUploadReportsItsBytes() throws IOException {
        Progress progress = operations.start("admin", UUID.randomUUID().toString());
        byte[] content = new byte[50_000];
        try (InputStream in = progress.reading(new ByteArrayInputStream(content), content.length, 4)) {
            assertThat(progress.state().phase()).isEqualTo("read");
            assertThat(progress.state().steps()).isEqualTo(4);
            in.readNBytes(20_000);
            assertThat(progress.state().done()).isBetween(19_000L, 20_000L);
            in.readAllBytes();
        }
        assertThat(progress.state().done()).isEqualTo(50_000);
        assertThat(progress.state().total()).isEqualTo(50_000);
    }
}
