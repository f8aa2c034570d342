package id.lindung.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits of {@link XlsxLimits} applied to an uploaded workbook before fastexcel-reader parses it. The upload is
 * copied to a private temporary file while its central-directory signatures are counted (each ZIP entry has one, so
 * the count bounds the entries whatever the end record claims); then every entry is inflated once through the same
 * ZIP reader fastexcel uses (commons-compress, central directory), counting the bytes that really come out — the
 * sizes in the headers are not trusted — against the entry, total and ratio limits, with XML watched by
 * {@link XmlCellScanner}. Only STORED and DEFLATED entries are read (Excel writes nothing else; BZIP2 and others
 * inflate far more). Anything the ZIP reader cannot read is refused as not a workbook, its text kept for the log.
 */
final class XlsxInspection {

    private static final Logger log = LoggerFactory.getLogger(XlsxInspection.class);
    private static final int CENTRAL_DIRECTORY_SIGNATURE = 0x504B0102; // PK\1\2
    private static final long MB = 1024 * 1024;

    private XlsxInspection() {}

    /** Copies the upload to a new temporary file (owner-only), refusing it once it shows too many entries. */
    static Path receive(InputStream in, XlsxLimits limits) throws IOException {
        Path file = Files.createTempFile("lindung-upload-", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int window = 0;
            int entries = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    window = (window << 8) | (buffer[i] & 0xff);
                    if (window == CENTRAL_DIRECTORY_SIGNATURE && ++entries > limits.maxEntries()) {
                        throw new XlsxRefusedException("upload.xlsx.entries", limits.maxEntries());
                    }
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** Inflates every entry of the file once, refusing it at the first limit passed. */
    static void inspect(Path file, XlsxLimits limits) throws XlsxRefusedException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); ) {
                ZipArchiveEntry entry = all.nextElement();
                if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
                    throw new XlsxRefusedException("upload.xlsx.invalid");
                }
                long compressed = Math.max(1, entry.getCompressedSize());
                XmlCellScanner xml = new XmlCellScanner(limits.maxCellSize());
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        size += n;
                        total += n;
                        if (size > limits.maxEntrySize()) {
                            throw new XlsxRefusedException("upload.xlsx.entry-size", limits.maxEntrySize() / MB);
                        }
                        if (total > limits.maxTotalSize()) {
                            throw new XlsxRefusedException("upload.xlsx.total-size", limits.maxTotalSize() / MB);
                        }
                        if (size > XlsxLimits.RATIO_GRACE && size > limits.maxRatio() * compressed) {
                            throw new XlsxRefusedException("upload.xlsx.ratio", limits.maxRatio());
                        }
                        xml.accept(buffer, 0, n);
                    }
                }
                xml.end();
            }
        } catch (XlsxRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log.info("Uploaded XLSX refused, the ZIP reader says: {}", e.toString());
            throw new XlsxRefusedException("upload.xlsx.invalid");
        }
    }
}
