package id.lindung.privacy;

import id.lindung.access.AuditTrail.AuditEntry;
import id.lindung.access.LindungUser;
import id.lindung.privacy.DataReport.Entry;
import id.lindung.privacy.DataSubjects.DataSubject;
import id.lindung.shared.web.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A data report being gathered, as a {@link PersonalDataHolder} sees it: whom it is about and for whom, the texts
 * in the reader's language, and where sections and audit lines go. The privacy module completes each section with
 * its title, purpose, legal basis and the retention of its category.
 */
public interface DataReportDraft {

    DataSubject subject();

    /** The user producing the report: holders read through their own services in this user's scope. */
    LindungUser by();

    /** The business date the report is produced on. */
    LocalDate today();

    /** Dates, date-times and rupiah as Lindung's pages show them. */
    Formats fmt();

    /** The message in the reader's language; the code itself when there is none. */
    String msg(String code, Object... args);

    /** The message in the reader's language, or {@code fallback}. */
    String label(String code, String fallback);

    /** The business date of an instant. */
    LocalDate date(Instant at);

    /** "entered by {actor} on {date and time}", the source of an item someone typed in. */
    default String entered(String actor, Instant at) {
        return msg("privacy.source.entered", actor, fmt().dateTime(at));
    }

    /**
     * The audit lines about some of the subject's records (newest first), added to the report's processing record.
     */
    List<AuditEntry> trail(String entityType, Collection<String> entityIds);

    /**
     * Adds the audit lines about the records to the trail and returns, per entity id, the first of them that is a
     * write (the trail is newest first): who entered each record.
     */
    Map<String, AuditEntry> firstWrites(String entityType, Collection<String> entityIds);

    /**
     * One section of the report.
     *
     * @param code one of the codes the holder declares in {@link PersonalDataHolder#sections()}
     * @param specific why it is specific personal data (UU 27/2022 Pasal 4 ayat (2)), or null
     * @param source who entered it or which channel or file it came from
     * @param since the earliest date an item of it was recorded, null when nothing is held
     * @param retentionCategory the category of the retention rules that governs it
     */
    void section(
            String code,
            @Nullable String specific,
            String source,
            @Nullable LocalDate since,
            String retentionCategory,
            List<Entry> entries);

    /** A section whose source and date are its entries' (the source "none held" when it has none). */
    default void section(String code, @Nullable String specific, String retentionCategory, List<Entry> entries) {
        section(
                code,
                specific,
                sourceOf(entries, msg("privacy.source.none")),
                earliest(entries),
                retentionCategory,
                entries);
    }

    /** The distinct sources of the entries (at most three, then "…"), or {@code none} when there are none. */
    static String sourceOf(List<Entry> entries, String none) {
        List<String> sources = entries.stream().map(Entry::source).distinct().toList();
        if (sources.isEmpty()) {
            return none;
        }
        return sources.size() <= 3 ? String.join("; ", sources) : String.join("; ", sources.subList(0, 3)) + "; …";
    }

    /** The earliest date of the entries, or null. */
    static @Nullable LocalDate earliest(List<Entry> entries) {
        return entries.stream()
                .map(Entry::since)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
