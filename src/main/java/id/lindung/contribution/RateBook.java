package id.lindung.contribution;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.ShippedText;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contribution rule rows with their legal basis, for display, for explaining bill lines, and for correcting
 * the figures marked unconfirmed (administrators only, audited). Confirmed figures are not edited in place: a new
 * regulation is a new dated row in a migration.
 */
@Service
public class RateBook {

    /** Sets the note to the parameter, or keeps it when the parameter is null. */
    private static final String KEEP_NOTE = "note = COALESCE(CAST(? AS VARCHAR), note)";

    private static final String COMMON = "valid_from, valid_to, legal_basis, source, unconfirmed, note";

    private final ContributionPolicy policy;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MessageSource messages;

    RateBook(JdbcClient jdbc, AuditTrail audit, MessageSource messages, ContributionPolicy policy) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
    }

    /** A rule's description in the caller's language. */
    private String text(String code, Object... args) {
        return Objects.requireNonNull(messages.getMessage(code, args, code, LocaleContextHolder.getLocale()));
    }

    /** Every rule row, grouped in the order rates, caps, tiers, packages, discounts, fines. */
    public List<RateRule> all() {
        List<RateRule> rules = new ArrayList<>();
        rules.addAll(jdbc.sql("SELECT id, segment, programme, risk_class, rate_type, employer_pct, worker_pct,"
                        + " flat_amount, " + COMMON + " FROM contribution_rate ORDER BY segment DESC, programme,"
                        + " risk_class, valid_from")
                .query((rs, n) -> rule(
                        rs,
                        "rate:" + rs.getLong("id"),
                        rs.getObject("risk_class") == null
                                ? text("rule.rate", rs.getString("segment"), rs.getString("programme"))
                                : text(
                                        "rule.rate.class",
                                        rs.getString("segment"),
                                        rs.getString("programme"),
                                        rs.getInt("risk_class")),
                        rateValue(rs)))
                .list());
        rules.addAll(jdbc.sql("SELECT id, segment, programme, max_base, " + COMMON
                        + " FROM contribution_base_cap ORDER BY segment DESC, programme, valid_from")
                .query((rs, n) -> rule(
                        rs,
                        "cap:" + rs.getLong("id"),
                        text("rule.cap", rs.getString("segment"), rs.getString("programme")),
                        Long.toString(rs.getLong("max_base"))))
                .list());
        rules.addAll(jdbc.sql("SELECT id, segment, programme, lower_bound, pct, " + COMMON
                        + " FROM contribution_tier ORDER BY programme, lower_bound")
                .query((rs, n) -> rule(
                        rs,
                        "tier:" + rs.getLong("id"),
                        text(
                                "rule.tier",
                                rs.getString("segment"),
                                rs.getString("programme"),
                                rs.getLong("lower_bound")),
                        pct(rs.getBigDecimal("pct"))))
                .list());
        rules.addAll(jdbc.sql("SELECT id, segment, phase, contract_months, amount, " + COMMON
                        + " FROM contribution_package ORDER BY phase, contract_months")
                .query((rs, n) -> rule(
                        rs,
                        "package:" + rs.getLong("id"),
                        rs.getObject("contract_months") == null
                                ? text("rule.package." + rs.getString("phase"), rs.getString("segment"))
                                : text("rule.package.months", rs.getString("segment"), rs.getInt("contract_months")),
                        Long.toString(rs.getLong("amount"))))
                .list());
        rules.addAll(jdbc.sql("SELECT id, segment, sector, programmes, pct, from_month AS valid_from,"
                        + " to_month AS valid_to, legal_basis, source, unconfirmed, note, excludes_government_paid"
                        + " FROM contribution_discount ORDER BY from_month")
                .query((rs, n) -> rule(
                        rs,
                        "discount:" + rs.getLong("id"),
                        rs.getString("sector") == null
                                ? text("rule.discount", rs.getString("segment"), rs.getString("programmes"))
                                : text(
                                        "rule.discount.sector",
                                        rs.getString("segment"),
                                        rs.getString("programmes"),
                                        text("sector." + rs.getString("sector"))),
                        pct(rs.getBigDecimal("pct"))))
                .list());
        rules.addAll(jdbc.sql("SELECT id, segment, pct, " + COMMON + " FROM contribution_fine_rate ORDER BY valid_from")
                .query((rs, n) -> rule(
                        rs,
                        "fine:" + rs.getLong("id"),
                        text("rule.fine", rs.getString("segment")),
                        pct(rs.getBigDecimal("pct"))))
                .list());
        return rules;
    }

    /** The rules a line's {@code rule_ref} names ({@code 'rate:13 cap:3'}, {@code 'tier:1+2'}, ...). */
    public List<RateRule> explain(String ruleRef, Map<String, RateRule> byRef) {
        List<RateRule> rules = new ArrayList<>();
        for (String part : ruleRef.split(" ")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String table = part.substring(0, colon);
            for (String id : part.substring(colon + 1).split("\\+")) {
                RateRule rule = byRef.get(table + ":" + id);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }

    public Map<String, RateRule> byRef() {
        Map<String, RateRule> map = new LinkedHashMap<>();
        all().forEach(r -> map.put(r.ref(), r));
        return map;
    }

    /**
     * Corrects an unconfirmed figure: a rate's percentage (worker or employer share, as stored) or flat amount, a
     * cap, a tier percentage, a package amount. Confirmed rows are refused.
     */
    @Transactional
    public RateRule correct(String ref, @Nullable BigDecimal value, @Nullable String note, LindungUser by) {
        if (!policy.mayCorrectRates(by)) {
            throw new ForbiddenException("rates.admin-only");
        }
        RateRule rule = byRef().get(ref);
        if (rule == null) {
            throw new NotFoundException("rule " + ref);
        }
        if (!rule.unconfirmed()) {
            throw new InvalidInputException(FieldIssue.error("ref", "rates.confirmed-not-editable", ref));
        }
        if (value == null) {
            throw new InvalidInputException(FieldIssue.error("value", "field.required"));
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(FieldIssue.error("value", "amount.not-negative"));
        }
        String table = ref.substring(0, ref.indexOf(':'));
        long id = Long.parseLong(ref.substring(ref.indexOf(':') + 1));
        // a blank note keeps the stored one (rule.note() is in the reader's language, not as stored)
        String cleanNote = note == null || note.isBlank() ? null : note.trim();
        int changed = switch (table) {
            case "rate" -> {
                String type = jdbc.sql("SELECT CASE WHEN rate_type = 'PERCENT' AND employer_pct > 0"
                                + " AND worker_pct > 0 THEN 'SPLIT' ELSE rate_type END FROM contribution_rate"
                                + " WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single();
                yield switch (type) {
                    case "FLAT" ->
                        jdbc.sql("UPDATE contribution_rate SET flat_amount = ?, " + KEEP_NOTE + " WHERE id = ?"
                                        + " AND unconfirmed")
                                .params(wholeRupiah(value), cleanNote, id)
                                .update();
                    case "PERCENT" ->
                        jdbc.sql("UPDATE contribution_rate SET"
                                        + " worker_pct = CASE WHEN worker_pct > 0 THEN ? ELSE worker_pct END,"
                                        + " employer_pct = CASE WHEN worker_pct = 0 THEN ? ELSE employer_pct END,"
                                        + " " + KEEP_NOTE + " WHERE id = ? AND unconfirmed")
                                .params(value, value, cleanNote, id)
                                .update();
                    // a rate split between employer and worker has two figures: corrected by a migration
                    default -> throw new InvalidInputException(FieldIssue.error("ref", "rates.not-editable", ref));
                };
            }
            case "cap" ->
                jdbc.sql("UPDATE contribution_base_cap SET max_base = ?, " + KEEP_NOTE
                                + " WHERE id = ? AND unconfirmed")
                        .params(wholeRupiah(value), cleanNote, id)
                        .update();
            case "tier" ->
                jdbc.sql("UPDATE contribution_tier SET pct = ?, " + KEEP_NOTE + " WHERE id = ? AND unconfirmed")
                        .params(value, cleanNote, id)
                        .update();
            case "package" ->
                jdbc.sql("UPDATE contribution_package SET amount = ?, " + KEEP_NOTE + " WHERE id = ?"
                                + " AND unconfirmed")
                        .params(wholeRupiah(value), cleanNote, id)
                        .update();
            default -> throw new InvalidInputException(FieldIssue.error("ref", "rates.not-editable", ref));
        };
        if (changed != 1) {
            throw new NotFoundException("rule " + ref);
        }
        RateRule updated = Objects.requireNonNull(byRef().get(ref)); // the row just changed
        audit.record(
                "RATE_CORRECTED",
                "contribution_rule",
                ref,
                by.scope().code(),
                Map.of(
                        "value",
                        java.util.Arrays.asList(rule.value(), updated.value()),
                        "note",
                        java.util.Arrays.asList(rule.note(), updated.note())));
        return updated;
    }

    private static long wholeRupiah(BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(FieldIssue.error("value", "rates.whole-rupiah"));
        }
    }

    /** A rule row; its note and an unconfirmed source in the reader's language ({@link ShippedText}). */
    private RateRule rule(ResultSet rs, String ref, String what, String value) throws SQLException {
        Date to = rs.getDate("valid_to");
        Locale locale = LocaleContextHolder.getLocale();
        return new RateRule(
                ref,
                what,
                value,
                rs.getDate("valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate(),
                rs.getString("legal_basis"),
                ShippedText.source(messages, rs.getString("source"), locale),
                rs.getBoolean("unconfirmed"),
                ShippedText.inReadersLanguage(
                        messages, "rule.note." + ref.replace(':', '.'), rs.getString("note"), locale));
    }

    private static String rateValue(ResultSet rs) throws SQLException {
        return switch (rs.getString("rate_type")) {
            case "FLAT" -> Long.toString(rs.getLong("flat_amount"));
            case "CHOSEN" -> "pilihan peserta";
            default -> {
                BigDecimal employer = rs.getBigDecimal("employer_pct");
                BigDecimal worker = rs.getBigDecimal("worker_pct");
                if (worker.signum() == 0) {
                    yield pct(employer);
                }
                if (employer.signum() == 0) {
                    yield pct(worker);
                }
                yield pct(employer) + " + " + pct(worker);
            }
        };
    }

    private static String pct(BigDecimal pct) {
        return pct.stripTrailingZeros().toPlainString() + "%";
    }
}
