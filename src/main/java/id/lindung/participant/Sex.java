package id.lindung.participant;

/** Sex as on the KTP: L (laki-laki) or P (perempuan). */
public enum Sex {
    L,
    P
}
