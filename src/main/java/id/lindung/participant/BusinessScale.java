package id.lindung.participant;

/** UMKM scale (UU 20/2008 as amended; PP 7/2021 thresholds). */
public enum BusinessScale {
    MIKRO,
    KECIL,
    MENENGAH
}
