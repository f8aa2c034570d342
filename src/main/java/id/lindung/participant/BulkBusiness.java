package id.lindung.participant;

import java.util.Objects;

/**
 * The UMKM business of a worker in a bulk load: NIB from OSS (13 digits), KBLI (5 digits), scale, the desa it
 * is in and how many people work in it.
 */
public record BulkBusiness(
        String nib, String name, String kbli, BusinessScale scale, String regionCode, int workerCount) {

    public BulkBusiness {
        Objects.requireNonNull(nib, "nib");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kbli, "kbli");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(regionCode, "regionCode");
    }
}
