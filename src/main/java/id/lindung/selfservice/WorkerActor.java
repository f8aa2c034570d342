package id.lindung.selfservice;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;

/**
 * Who a worker's own action is in the other modules' services and the audit trail: {@code pekerja:} and the
 * participant id (before registration, {@code pekerja:tel-} and part of the phone's blind index), with an officer's
 * rights in the province of the worker's desa (a scope is a province or a kab/kota, and a kab/kota scope would refuse
 * a NIK issued elsewhere, as it does for staff). The self-service code fixes every term a worker may not choose
 * (segment BPU, channel SELF, start this month, no employer, not government-paid) and reads only the worker's own
 * records, so the officer's wider rights are never asked for.
 */
final class WorkerActor {

    private WorkerActor() {}

    static LindungUser of(String who, String displayName, String regionCode) {
        if (regionCode.isBlank()) {
            throw new IllegalArgumentException("a worker acts in their own province only");
        }
        return new LindungUser("pekerja:" + who, displayName, Role.OFFICER, RegionScope.of(regionCode.substring(0, 2)));
    }
}
