package id.lindung.enrolment;

/**
 * The BPU work sector where contribution rules differ: PP 50/2025 gives transport workers (ojol, ojek pangkalan,
 * drivers, couriers) a longer discount window than other BPU.
 */
public enum Sector {
    TRANSPORT,
    OTHER
}
