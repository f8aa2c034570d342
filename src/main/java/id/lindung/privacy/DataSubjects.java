package id.lindung.privacy;

import id.lindung.access.LindungUser;

/**
 * Whom a data report can be about: implemented by the registry, which alone knows participants and the region
 * scope that confines reading them.
 */
public interface DataSubjects {

    /** The participant, if in the caller's scope; otherwise the registry's "not found", as everywhere. */
    DataSubject find(long participantId, LindungUser by);

    /**
     * The subject of a data report.
     *
     * @param nik the NIK in full (the KUR loans are found by it; the report's heading shows it masked)
     * @param regionCode the desa of their address (the production of the report is audited with it)
     */
    record DataSubject(long participantId, String fullName, String nik, String regionCode) {}
}
