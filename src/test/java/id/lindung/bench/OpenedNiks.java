package id.lindung.bench;

import id.lindung.participant.IdentityView;
import id.lindung.shared.crypto.Vault;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry keeps NIKs sealed (their keyed hash and the sealed value): benchmarks that write files with the
 * participants' NIKs open them once into a table of their own, {@code (id, nik)}, to join in their SQL.
 */
final class OpenedNiks {

    private OpenedNiks() {}

    /** Creates the unlogged table {@code table (id BIGINT PRIMARY KEY, nik CHAR(16))} of every participant, indexed. */
    static void into(ConfigurableApplicationContext context, String table) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Vault vault = context.getBean(Vault.class);
        jdbc.sql("CREATE UNLOGGED TABLE " + table + " (id BIGINT PRIMARY KEY, nik CHAR(16))")
                .update();
        List<Long> ids = new ArrayList<>();
        List<String> niks = new ArrayList<>();
        jdbc.sql("SELECT id, nik_enc FROM participant").query(rs -> {
            ids.add(rs.getLong(1));
            niks.add(vault.openText(rs.getBytes(2), IdentityView.NIK_COLUMN));
        });
        for (int i = 0; i < ids.size(); i += 10_000) {
            int to = Math.min(ids.size(), i + 10_000);
            jdbc.sql("INSERT INTO " + table + " SELECT * FROM unnest(?::bigint[], ?::char(16)[])")
                    .params(
                            ids.subList(i, to).toArray(Long[]::new),
                            niks.subList(i, to).toArray(String[]::new))
                    .update();
        }
        jdbc.sql("CREATE INDEX ON " + table + " (nik)").update();
        jdbc.sql("ANALYZE " + table).update();
    }
}
