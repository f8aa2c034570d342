package id.lindung.interop;

import java.net.URI;
import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner programmes that may search the registry ({@code interop_partner}) and their agreements: which fields
 * of an answer they receive, which identifier types they search by, the most queries per message and per hour.
 */
@Component
class DciPartners {

    /** A field of an answer a partner may receive. */
    enum Field {
        /** whether the person is in the registry */
        REGISTERED,
        /** the programmes (JKK, JKM, JHT, JP, JKP) of the memberships running this month */
        PROGRAMMES,
        /** protected today, and the last day covered by money paid */
        PROTECTED_UNTIL
    }

    /** An identifier a partner may search by, with its DCI {@code idtype-value} type. */
    enum IdType {
        NIK("NIK"),
        MEMBERSHIP_NUMBER("MEMBERSHIP_NUMBER");

        final String dci;

        IdType(String dci) {
            this.dci = dci;
        }

        static @Nullable IdType of(String dci) {
            for (IdType t : values()) {
                if (t.dci.equalsIgnoreCase(dci)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** A registered partner. */
    record Partner(
            long id,
            String senderId,
            String name,
            PublicKey publicKey,
            @Nullable URI callbackUrl,
            Set<Field> fields,
            Set<IdType> idTypes,
            int maxBatch,
            int lookupsPerHour,
            boolean active) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    DciPartners(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers a partner, or replaces the key, callback and agreement of the one with this sender id. */
    Partner register(
            String senderId,
            String name,
            PublicKey key,
            @Nullable URI callbackUrl,
            Set<Field> fields,
            Set<IdType> idTypes,
            int maxBatch,
            int lookupsPerHour,
            boolean active) {
        jdbc.sql("""
                INSERT INTO interop_partner (sender_id, name, public_key, callback_url, fields, id_types, max_batch,
                                             lookups_per_hour, active, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sender_id) DO UPDATE
                   SET name = excluded.name, public_key = excluded.public_key, callback_url = excluded.callback_url,
                       fields = excluded.fields, id_types = excluded.id_types, max_batch = excluded.max_batch,
                       lookups_per_hour = excluded.lookups_per_hour, active = excluded.active""")
                .params(
                        senderId,
                        name,
                        key.getEncoded(),
                        callbackUrl == null ? null : callbackUrl.toString(),
                        join(fields),
                        join(idTypes),
                        maxBatch,
                        lookupsPerHour,
                        active,
                        Timestamp.from(clock.instant()))
                .update();
        return find(senderId).orElseThrow();
    }

    Optional<Partner> find(String senderId) {
        return jdbc.sql("SELECT * FROM interop_partner WHERE sender_id = ?")
                .param(senderId)
                .query(DciPartners::partner)
                .optional();
    }

    Optional<Partner> find(long id) {
        return jdbc.sql("SELECT * FROM interop_partner WHERE id = ?")
                .param(id)
                .query(DciPartners::partner)
                .optional();
    }

    List<Partner> all() {
        return jdbc.sql("SELECT * FROM interop_partner ORDER BY sender_id")
                .query(DciPartners::partner)
                .list();
    }

    private static Partner partner(ResultSet rs, int row) throws SQLException {
        String callback = rs.getString("callback_url");
        return new Partner(
                rs.getLong("id"),
                rs.getString("sender_id"),
                rs.getString("name"),
                DciSignatures.publicKey(rs.getBytes("public_key")),
                callback == null ? null : URI.create(callback),
                split(rs.getString("fields"), Field.class),
                split(rs.getString("id_types"), IdType.class),
                rs.getInt("max_batch"),
                rs.getInt("lookups_per_hour"),
                rs.getBoolean("active"));
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> split(String csv, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).forEach(s -> result.add(Enum.valueOf(type, s)));
        return result;
    }
}
