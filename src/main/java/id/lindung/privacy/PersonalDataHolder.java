package id.lindung.privacy;

import java.util.List;

/**
 * A module that holds personal data about participants, seen from their data report (UU 27/2022: the data
 * subject's right to access their data and its processing record). Each such module provides one bean and writes
 * its own sections, from its own data and in its own terms; the privacy module asks every holder, adds the audit
 * section and the retention of each category, and renders the report (page, PDF, JSON). So the report needs no
 * knowledge of the modules' types, as the retention job needs none through {@code ExpiringData}.
 */
public interface PersonalDataHolder {

    /**
     * The codes of the sections this holder writes ({@link DataReport.Section#code()}), in the order it writes
     * them; the report shows the sections in its own fixed order and refuses to start when a code is unknown to it,
     * missing or written by two holders.
     */
    List<String> sections();

    /** Writes its sections about the report's subject into the draft, with the audit lines about its records. */
    void contribute(DataReportDraft report);
}
