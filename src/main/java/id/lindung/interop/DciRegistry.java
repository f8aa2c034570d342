package id.lindung.interop;

import id.lindung.interop.DciPartners.IdType;
import id.lindung.participant.IdentityView;
import id.lindung.shared.crypto.Vault;
import id.lindung.shared.reporting.ReportingJdbc;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The look-up behind a DCI search: every query of a message in one SQL statement over the published views, the NIKs
 * as their blind indexes (under every index key held, so a key rotation in progress still finds them), membership
 * numbers as they are. Whatever the agreement, all three answers are read; {@link DciAnswers} leaves out what the
 * partner may not receive. The statement runs on the reporting copy when one is configured (seconds behind the
 * primary; see docs/decisions.md, reads off the primary).
 */
@Component
class DciRegistry {

    /** One query: its position in the message, the identifier type and the value as asked. */
    record Query(int ord, IdType type, String value) {}

    /** What the registry knows of one person today. */
    record Found(
            boolean registered,
            Set<String> programmes,
            @Nullable LocalDate protectedUntil) {

        static final Found NOBODY = new Found(false, Set.of(), null);
    }

    private static final String SQL = """
            WITH asked AS (
              SELECT DISTINCT ON (x.ord) x.ord, x.participant_id
                FROM (SELECT a.ord, p.participant_id
                        FROM unnest(CAST(? AS bytea[]), CAST(? AS int[])) AS a(h, ord)
                        JOIN participant_identity_v p ON p.nik_hash = a.h
                      UNION ALL
                      SELECT a.ord, m.participant_id
                        FROM unnest(CAST(? AS bpchar[]), CAST(? AS int[])) AS a(n, ord)
                        JOIN enrolment_membership_v m ON m.membership_number = a.n
                       WHERE m.participant_id IS NOT NULL) x
               ORDER BY x.ord)
            SELECT a.ord,
                   (SELECT string_agg(DISTINCT g, ',')
                      FROM enrolment_membership_v m CROSS JOIN unnest(string_to_array(m.programmes, ',')) AS g
                     WHERE m.participant_id = a.participant_id
                       AND m.start_month <= date_trunc('month', lindung_today())
                       AND (m.end_month IS NULL OR m.end_month >= date_trunc('month', lindung_today())))
                     AS programmes,
                   (SELECT max(u.protected_until) FROM contribution_protected_until_v u
                     WHERE u.participant_id = a.participant_id) AS protected_until
              FROM asked a""";

    private final ReportingJdbc reporting;
    private final Vault vault;

    DciRegistry(ReportingJdbc reporting, Vault vault) {
        this.reporting = reporting;
        this.vault = vault;
    }

    /** The answer per query position; a position missing from the map is nobody Lindung knows. */
    Map<Integer, Found> find(List<Query> queries) {
        List<byte[]> hashes = new ArrayList<>();
        List<Integer> hashOrds = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<Integer> numberOrds = new ArrayList<>();
        for (Query q : queries) {
            if (q.type() == IdType.NIK) {
                for (byte[] index : vault.indexes(IdentityView.NIK_INDEX, q.value())) {
                    hashes.add(index);
                    hashOrds.add(q.ord());
                }
            } else {
                numbers.add(q.value());
                numberOrds.add(q.ord());
            }
        }
        Map<Integer, Found> found = new HashMap<>();
        if (hashes.isEmpty() && numbers.isEmpty()) {
            return found;
        }
        // on the reporting copy when there is one (lindung.reporting.*): look-ups stay off the primary
        reporting
                .reads()
                .sql(SQL)
                .params(
                        hashes.toArray(byte[][]::new),
                        hashOrds.toArray(Integer[]::new),
                        numbers.toArray(String[]::new),
                        numberOrds.toArray(Integer[]::new))
                .query(rs -> {
                    String programmes = rs.getString(2);
                    Date until = rs.getDate(3);
                    Set<String> set = new TreeSet<>();
                    if (programmes != null) {
                        set.addAll(List.of(programmes.split(",")));
                    }
                    found.put(rs.getInt(1), new Found(true, set, until == null ? null : until.toLocalDate()));
                });
        return found;
    }
}
