package id.lindung.shared.tabular;

/**
 * What an uploaded XLSX workbook may hold before anything of it is parsed ({@code lindung.upload.xlsx.*}): how many
 * parts (ZIP entries), how many bytes one part and all parts inflate to, how much more a part may inflate to than it
 * takes compressed (after a grace of {@link #RATIO_GRACE} bytes, which tiny parts need), and how many bytes of XML
 * one cell (or one shared string, or any single run of text or markup) may take. Sizes are counted while inflating,
 * never taken from the ZIP headers.
 *
 * @param maxEntries parts of the ZIP archive
 * @param maxEntrySize bytes one part inflates to
 * @param maxTotalSize bytes all parts inflate to together
 * @param maxRatio inflated bytes per compressed byte of one part
 * @param maxCellSize bytes of XML of one cell
 */
public record XlsxLimits(int maxEntries, long maxEntrySize, long maxTotalSize, int maxRatio, int maxCellSize) {

    /** Inflated bytes of a part below which its compression ratio is not judged. */
    public static final long RATIO_GRACE = 1 << 20;

    /**
     * The defaults of {@code lindung.upload.xlsx}, where {@link XlsxProperties} declares them: 1,000 parts, 256 MB a
     * part, 512 MB in all, ratio 100, 32 KB a cell.
     */
    public static final XlsxLimits DEFAULTS = XlsxProperties.defaults().limits();
}
