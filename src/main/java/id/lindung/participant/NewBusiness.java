package id.lindung.participant;

import org.jspecify.annotations.Nullable;

/** A business to register; KBLI is the 5-digit Klasifikasi Baku Lapangan Usaha Indonesia code. */
public record NewBusiness(
        @Nullable String nib,
        @Nullable String name,
        @Nullable Long ownerId,
        @Nullable String kbli,
        @Nullable BusinessScale scale,
        @Nullable String regionCode,
        @Nullable Integer workerCount) {}
