package id.lindung.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * The region pickers of a form as the browser posts them: kab/kota, kecamatan and desa (the region code), each a
 * code, the finer ones empty until chosen. Forms that pick a region extend it.
 */
public class RegionChoice {

    private @Nullable String kabKota;
    private @Nullable String kecamatan;
    private @Nullable String regionCode;

    /** The finest level chosen, trimmed: the desa, else the kecamatan, else the kab/kota; null when none is. */
    protected @Nullable String finestRegion() {
        for (String code : new String[] {regionCode, kecamatan, kabKota}) {
            if (code != null && !code.isBlank()) {
                return code.trim();
            }
        }
        return null;
    }

    public @Nullable String getKabKota() {
        return kabKota;
    }

    public void setKabKota(@Nullable String kabKota) {
        this.kabKota = kabKota;
    }

    public @Nullable String getKecamatan() {
        return kecamatan;
    }

    public void setKecamatan(@Nullable String kecamatan) {
        this.kecamatan = kecamatan;
    }

    public @Nullable String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(@Nullable String regionCode) {
        this.regionCode = regionCode;
    }
}
