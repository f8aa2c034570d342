package id.lindung.enrolment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who a membership is for, and which programmes the segment gets (domain reference §1): mandatory ones are always
 * in, optional ones may be chosen, the rest are not available.
 */
public enum Segment {
    /** Penerima Upah: wage earners, enrolled by their employer; all five programmes. */
    PU(EnumSet.allOf(Programme.class), EnumSet.noneOf(Programme.class)),
    /** Bukan Penerima Upah: informal and self-employed workers; JKK and JKM, JHT optional (Permenaker 1/2016 Pasal 3). */
    BPU(EnumSet.of(Programme.JKK, Programme.JKM), EnumSet.of(Programme.JHT)),
    /** Jasa konstruksi: JKK and JKM per project (Permenakertrans 44/2015). */
    JAKON(EnumSet.of(Programme.JKK, Programme.JKM), EnumSet.noneOf(Programme.class)),
    /** Pekerja Migran Indonesia: JKK and JKM, JHT optional (Permenaker 4/2023). */
    PMI(EnumSet.of(Programme.JKK, Programme.JKM), EnumSet.of(Programme.JHT));

    private final Set<Programme> mandatory;
    private final Set<Programme> optional;

    Segment(Set<Programme> mandatory, Set<Programme> optional) {
        this.mandatory = mandatory;
        this.optional = optional;
    }

    public Set<Programme> mandatory() {
        return EnumSet.copyOf(mandatory);
    }

    public Set<Programme> optional() {
        return optional.isEmpty() ? EnumSet.noneOf(Programme.class) : EnumSet.copyOf(optional);
    }

    public boolean allows(Programme programme) {
        return mandatory.contains(programme) || optional.contains(programme);
    }
}
