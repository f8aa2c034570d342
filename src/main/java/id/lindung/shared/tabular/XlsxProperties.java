package id.lindung.shared.tabular;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What an uploaded XLSX workbook may hold, checked while inflating it before it is parsed ({@link XlsxLimits}); over
 * a limit the upload is refused with 422 naming the limit.
 *
 * @param maxEntries parts (ZIP entries) of the workbook
 * @param maxEntrySize bytes one part inflates to (counted, not taken from the ZIP headers)
 * @param maxTotalSize bytes all parts inflate to together
 * @param maxRatio inflated bytes per compressed byte of one part, past its first MB
 * @param maxCellSize bytes of XML of one cell (or shared string)
 */
@ConfigurationProperties("lindung.upload.xlsx")
@Validated
record XlsxProperties(
        @DefaultValue("1000") @Min(1) int maxEntries,
        @DefaultValue("256MB") @NotNull DataSize maxEntrySize,
        @DefaultValue("512MB") @NotNull DataSize maxTotalSize,
        @DefaultValue("100") @Min(1) int maxRatio,
        @DefaultValue("32KB") @NotNull DataSize maxCellSize) {

    /** The defaults above, for readers used outside the application. */
    static XlsxProperties defaults() {
        return new Binder().bindOrCreate("lindung.upload.xlsx", XlsxProperties.class);
    }

    XlsxLimits limits() {
        return new XlsxLimits(maxEntries, maxEntrySize.toBytes(), maxTotalSize.toBytes(), maxRatio, (int)
                Math.min(Integer.MAX_VALUE, maxCellSize.toBytes()));
    }
}
