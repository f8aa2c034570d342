package id.lindung.kur;

import id.lindung.access.LindungUser;
import id.lindung.kur.internal.KurFileReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The banks of the channel, which users act for which bank, and the schemes' plafond ranges. */
@Component
public class KurBanks {

    public record Bank(String code, String name, boolean unconfirmed) {}

    private final JdbcClient jdbc;

    KurBanks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Bank> all() {
        return jdbc.sql("SELECT code, name, unconfirmed FROM kur_bank ORDER BY code")
                .query((rs, n) -> new Bank(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    Set<String> codes() {
        return all().stream().map(Bank::code).collect(Collectors.toUnmodifiableSet());
    }

    /** The bank a user acts for (its people and its API tokens), none for BPJS and government users. */
    public Optional<String> bankOf(LindungUser user) {
        return jdbc.sql("SELECT bank_code FROM kur_bank_user WHERE username = ?")
                .param(user.username())
                .query(String.class)
                .optional();
    }

    List<KurFileReader.SchemeRule> schemeRules() {
        return jdbc.sql("SELECT scheme, valid_from, plafond_min, plafond_max FROM kur_scheme_rule")
                .query((rs, n) -> new KurFileReader.SchemeRule(
                        rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
