package id.lindung.region;

/** The four levels of Kemendagri codes, told apart by the code's length. */
public enum RegionLevel {
    PROVINCE(2),
    KABKOTA(5),
    KECAMATAN(8),
    DESA(13);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    public static RegionLevel ofCode(String code) {
        for (RegionLevel level : values()) {
            if (level.codeLength == code.length()) {
                return level;
            }
        }
        throw new IllegalArgumentException("not a region code: " + code);
    }

    /** The level below this one, or none for desa. */
    public java.util.Optional<RegionLevel> child() {
        return this == DESA ? java.util.Optional.empty() : java.util.Optional.of(values()[ordinal() + 1]);
    }
}
