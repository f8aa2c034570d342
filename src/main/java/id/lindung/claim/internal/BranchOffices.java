package id.lindung.claim.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The BPJS Ketenagakerjaan branch office serving each kab/kota of Kalimantan Barat ({@code claim/branch-offices.csv},
 * dated, every row UNCONFIRMED: docs/decisions.md, "Claims that can be paid"). A region outside
 * the table falls back to {@code lindung.claim.office-name}.
 */
@Component
public class BranchOffices {

    static final String TABLE = "claim/branch-offices.csv";

    private final Map<String, String> byKabKota;
    private final String fallback;

    BranchOffices(ClaimProperties properties) {
        this.byKabKota = Map.copyOf(read());
        this.fallback = properties.officeName();
    }

    /** The office of the kab/kota {@code regionCode} lies in (a desa, kecamatan or kab/kota code). */
    public String officeOf(String regionCode) {
        String kabKota = regionCode.length() >= 5 ? regionCode.substring(0, 5) : regionCode;
        return byKabKota.getOrDefault(kabKota, fallback);
    }

    static Map<String, String> read() {
        Map<String, String> offices = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new ClassPathResource(TABLE).getInputStream(), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.startsWith("kabkota;kabkota_name;office;")) {
                throw new IllegalStateException(TABLE + ": unexpected header " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(";", -1);
                if (f.length != 6 || f[0].isBlank() || f[2].isBlank()) {
                    throw new IllegalStateException(TABLE + ": bad row " + line);
                }
                if (offices.put(f[0].strip(), f[2].strip()) != null) {
                    throw new IllegalStateException(TABLE + ": kab/kota twice " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(TABLE, e);
        }
        return offices;
    }
}
