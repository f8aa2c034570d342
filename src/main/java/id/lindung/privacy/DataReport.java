package id.lindung.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What Lindung holds about one participant, for a subject-access request (UU 27/2022: the data subject's right to
 * access their data and its processing record): every category of data with its purpose and legal basis, where it
 * came from, since when, how long it is kept, each item of it, and the audit lines about the participant's records
 * (who read or changed what, when). Texts are in the reader's language; values as shown on Lindung's pages.
 *
 * @param producedBy the user who produced the report (its production is itself an audit line)
 */
public record DataReport(
        long participantId,
        String subjectName,
        String nikMasked,
        Instant producedAt,
        String producedBy,
        List<Section> sections,
        List<TrailLine> trail) {

    public DataReport {
        sections = List.copyOf(sections);
        trail = List.copyOf(trail);
    }

    /**
     * One category of data.
     *
     * @param code {@code identity}, {@code address}, {@code contact}, {@code family}, {@code businesses},
     *        {@code memberships}, {@code contributions}, {@code claims}, {@code kur}, {@code sponsorship},
     *        {@code audit}
     * @param specific why the category is specific personal data (UU 27/2022 Pasal 4 ayat (2)), or null
     * @param source who entered it or which channel or file it came from
     * @param since the earliest date an item of it was recorded (null when nothing is held)
     * @param retentionCategory the retention rule that governs it
     * @param retention the period in words, from which event, and whether it is unconfirmed
     */
    public record Section(
            String code,
            String title,
            String purpose,
            String legalBasis,
            @Nullable String specific,
            String source,
            @Nullable LocalDate since,
            String retentionCategory,
            String retention,
            List<Entry> entries) {

        public Section {
            entries = List.copyOf(entries);
        }
    }

    /** One item held: what it is, its value, where it came from, since when. */
    public record Entry(
            String label,
            String value,
            String source,
            @Nullable LocalDate since) {}

    /** One audit line about the participant's records. {@code read}: a read or export rather than a change. */
    public record TrailLine(Instant at, String actor, String action, String actionLabel, String record, boolean read) {}
}
