package id.lindung.access;

/** What a user does in Lindung. */
public enum Role {
    /** Manages users and reference data; sees everything in its scope. */
    ADMIN,
    /** BPJS Ketenagakerjaan branch officer: registers and verifies participants. */
    OFFICER,
    /** Provincial or kabupaten/kota government analyst (Disnaker, Bappeda): reads and analyses. */
    GOV_ANALYST,
    /** KUR bank officer: reads participants for matching borrowers. */
    BANK_OFFICER,
    /** Field agent (Perisai): enrols informal workers. */
    AGENT
}
