package id.lindung.shared;

import java.util.ArrayList;
import java.util.List;

/** Small CSV helpers for short, line-by-line files (denominators, beneficiary lists). */
public final class Csv {

    private Csv() {
    }

    /** Splits one CSV line; a field may be quoted ("..." with "" for a quote). */
    public static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
