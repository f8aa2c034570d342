package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.claim.ClaimId;
import id.lindung.contribution.ProtectionChanged;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.MembershipStarted;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantId;
import id.lindung.shared.NotFoundException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The typed ids at the module APIs read as plain numbers wherever they leave the code: toString (log lines, audit
 * entity ids) and JSON (the events Spring Modulith stores). docs/decisions.md, "Typed ids at module APIs".
 */
class TypedIdsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anIdIsAPositiveNumberAndReadsAsOne() {
        assertThat(ParticipantId.of(42)).hasToString("42").isEqualTo(new ParticipantId(42));
        assertThat(MembershipId.of(7).value()).isEqualTo(7);
        assertThatThrownBy(() -> ParticipantId.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("participant");
        assertThatThrownBy(() -> MembershipId.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("membership");
        assertThatThrownBy(() -> ClaimId.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claim");
        // a request naming an id that cannot exist is answered like one naming an id that does not
        assertThatThrownBy(() -> ClaimId.ofRequest(0))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("claim 0 not found");
        assertThat(MembershipId.ofRequest(3)).isEqualTo(MembershipId.of(3));
    }

    @Test
    void eventsKeepTheirJson() {
        MembershipStarted started = new MembershipStarted(
                MembershipId.of(5), ParticipantId.of(9), Segment.BPU, Channel.SELF, "61.04", YearMonth.of(2026, 3));
        String json = JSON.writeValueAsString(started);
        assertThat(json).contains("\"membershipId\":5", "\"participantId\":9");
        assertThat(JSON.readValue(json, MembershipStarted.class)).isEqualTo(started);
        MembershipStarted project = new MembershipStarted(
                MembershipId.of(6), null, Segment.JAKON, Channel.SELF, "61.04", YearMonth.of(2026, 3));
        assertThat(JSON.readValue(JSON.writeValueAsString(project), MembershipStarted.class))
                .isEqualTo(project);
        assertThat(JSON.writeValueAsString(new ProtectionChanged(MembershipId.of(11))))
                .isEqualTo("{\"membershipId\":11}");
        assertThat(JSON.readValue("{\"membershipId\":11}", ProtectionChanged.class)
                        .membershipId()
                        .value())
                .isEqualTo(11);
    }
}
