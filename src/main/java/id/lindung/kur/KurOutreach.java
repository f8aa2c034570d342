package id.lindung.kur;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.contribution.QuoteRequest;
import id.lindung.contribution.Quotes;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.KurBorrower;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.NikRules;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.PageResult;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turning borrowers into protected workers: work lists (who to contact and why, grouped by bank branch, kab/kota or
 * field agent, with what a BPU membership would cost them), handing loans to agents, the enrol action (registers the
 * borrower if needed and enrols them as BPU with the channel KUR bank, data pre-filled from the loan), and the
 * conversion over time (borrowers, enrolled at disbursement, protected now).
 */
@Service
public class KurOutreach {

    /** Why a borrower is on the work list, most urgent first. */
    public enum Reason {
        MANDATORY_NOT_ENROLLED,
        NOT_ENROLLED,
        LAPSED
    }

    /** A line of a work list. */
    public record WorkItem(
            KurLoan loan, Reason reason, @Nullable String assignedAgent) {}

    /** A work list page with the monthly contribution a borrower would pay as BPU at the minimum income. */
    public record WorkList(
            PageResult<WorkItem> items, long monthlyContribution, long minimumIncome, YearMonth quotedMonth) {}

    /** Counts of a group (a branch, a kab/kota, an agent). */
    public record WorkGroup(String key, long borrowers, long mandatory, long notEnrolled, long lapsed) {}

    /** Conversion of one disbursement month within one group of the chosen dimension. */
    public record Conversion(
            YearMonth month,
            String key,
            long borrowers,
            long enrolledAtDisbursement,
            long protectedNow,
            long mandatory,
            long mandatoryProtectedNow) {}

    /** The enrol action's choices; empty fields take the loan's data and the defaults. */
    public record EnrolRequest(
            @Nullable String regionCode,
            @Nullable Long declaredIncome,
            @Nullable YearMonth startMonth) {}

    static final Map<String, String> GROUPS = Map.of(
            "branch",
            "bank_code || ' ' || branch",
            "kabkota",
            "kabkota_code",
            "agent",
            "coalesce(assigned_agent, '')",
            "bank",
            "bank_code",
            "scheme",
            "scheme");

    private final JdbcClient jdbc;
    private final KurBanks banks;
    private final KurMatching matching;
    private final Quotes quotes;
    private final ParticipantManagement participants;
    private final EnrolmentManagement enrolment;
    private final AuditTrail audit;
    private final Clock clock;
    private final KurLoans loans;
    private final KurPolicy policy;

    KurOutreach(
            JdbcClient jdbc,
            KurBanks banks,
            KurMatching matching,
            Quotes quotes,
            ParticipantManagement participants,
            EnrolmentManagement enrolment,
            AuditTrail audit,
            Clock clock,
            KurLoans loans,
            KurPolicy policy) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.banks = banks;
        this.matching = matching;
        this.quotes = quotes;
        this.participants = participants;
        this.enrolment = enrolment;
        this.audit = audit;
        this.clock = clock;
        this.loans = loans;
    }

    /**
     * Borrowers to contact in the caller's scope (a bank's users: their bank), most urgent first: mandatory and not
     * enrolled, then not enrolled, then lapsed. Filters: bank, branch, kab/kota, agent ({@code mine} for an agent's
     * own list).
     */
    public WorkList workList(
            @Nullable String bank,
            @Nullable String branch,
            @Nullable String kabkota,
            @Nullable String agent,
            boolean mine,
            int page,
            int size,
            LindungUser by) {
        Filter f = filter(bank, by);
        String agentFilter = mine ? by.username() : blankToNull(agent);
        int p = Math.max(page, 0);
        int n = Math.min(Math.max(size, 1), 200);
        String where = f.where() + """
                   AND match_status IN ('NOT_ENROLLED', 'LAPSED')
                   AND (CAST(:branch AS varchar) IS NULL OR branch = :branch)
                   AND (CAST(:kabkota AS varchar) IS NULL OR kabkota_code = :kabkota)
                   AND (CAST(:agent AS varchar) IS NULL OR assigned_agent = :agent)
                   AND """ + KurLoans.MATCH_IN_SCOPE;
        var count = jdbc.sql("SELECT count(*) FROM kur_loan" + where);
        var select = jdbc.sql("SELECT * FROM kur_loan" + where + """

                 ORDER BY (match_status = 'NOT_ENROLLED' AND mandatory) DESC, match_status = 'LAPSED',
                          disbursed_on DESC, bank_code, loan_id
                 LIMIT :limit OFFSET :offset""");
        for (var spec : List.of(count, select)) {
            spec.param("scope", f.scope())
                    .param("bank", f.bank())
                    .param("branch", blankToNull(branch))
                    .param("kabkota", blankToNull(kabkota))
                    .param("agent", agentFilter)
                    .param("me", by.scope().code() + "%");
        }
        long total = count.query(Long.class).single();
        List<WorkItem> items = select.param("limit", n)
                .param("offset", (long) p * n)
                .query((rs, i) -> {
                    KurLoan loan = loans.loan(rs);
                    loan = loan.disclosedTo(by);
                    Reason reason = loan.matchStatus().equals("LAPSED")
                            ? Reason.LAPSED
                            : loan.mandatory() ? Reason.MANDATORY_NOT_ENROLLED : Reason.NOT_ENROLLED;
                    return new WorkItem(loan, reason, rs.getString("assigned_agent"));
                })
                .list();
        YearMonth month = YearMonth.now(clock);
        long income = enrolment.bpuMinIncome();
        long monthly = quotes.quote(new QuoteRequest(
                        Segment.BPU, Set.of(), month, income, null, Sector.OTHER, false, null, null, false))
                .total();
        return new WorkList(new PageResult<>(items, p, n, total, false), monthly, income, month);
    }

    /** Work list counts per branch ({@code branch}), kab/kota ({@code kabkota}) or agent ({@code agent}). */
    public List<WorkGroup> workGroups(String groupBy, @Nullable String bank, LindungUser by) {
        String key = group(groupBy);
        Filter f = filter(bank, by);
        return jdbc.sql("SELECT " + key + " AS key, count(*),"
                        + " count(*) FILTER (WHERE mandatory AND match_status = 'NOT_ENROLLED'),"
                        + " count(*) FILTER (WHERE match_status = 'NOT_ENROLLED'),"
                        + " count(*) FILTER (WHERE match_status = 'LAPSED')"
                        + " FROM kur_loan" + f.where() + " AND match_status IN ('NOT_ENROLLED', 'LAPSED')"
                        + " AND " + KurLoans.MATCH_IN_SCOPE
                        + " GROUP BY 1 ORDER BY 3 DESC, 2 DESC, 1")
                .param("scope", f.scope())
                .param("bank", f.bank())
                .param("me", by.scope().code() + "%")
                .query((rs, i) ->
                        new WorkGroup(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Hands loans to a field agent (officers and administrators). @return how many */
    @Transactional
    public int assign(String bank, List<String> loanIds, @Nullable String agent, LindungUser by) {
        policy.checkAssign(by);
        String code = bank.trim().toUpperCase(Locale.ROOT);
        if (!banks.codes().contains(code)) {
            // a known code, as in a file: anything else would also overflow the audit entry's id (500)
            throw new InvalidInputException(FieldIssue.error(
                    "bank", "kur.bank.unknown", code.length() > 20 ? code.substring(0, 20) + "…" : code));
        }
        String a = blankToNull(agent);
        if (a != null && a.length() > 60) {
            throw new InvalidInputException(FieldIssue.error("agent", "field.too-long", 60));
        }
        int changed = jdbc.sql("""
                UPDATE kur_loan SET assigned_agent = :agent
                 WHERE bank_code = :bank AND loan_id = ANY (CAST(:ids AS varchar[])) AND region_code LIKE :scope""")
                .param("agent", a)
                .param("bank", bank.toUpperCase(Locale.ROOT))
                .param("ids", loanIds.toArray(String[]::new))
                .param("scope", by.scope().code() + "%")
                .update();
        audit.record(
                "KUR_LOANS_ASSIGNED",
                "kur_bank",
                bank.toUpperCase(Locale.ROOT),
                by.scope().code(),
                Map.of("agent", String.valueOf(a), "loans", loanIds.size(), "changed", changed));
        return changed;
    }

    /**
     * Enrols a borrower as BPU (JKK and JKM) through the KUR channel: registers them first when the NIK is not in
     * the registry (name from the loan, birth date and sex from the NIK, the desa from {@code regionCode} or the
     * loan when it is a desa), then the membership at the declared income (default the minimum) from the start
     * month (default this month). The loan is matched again at once.
     */
    @Transactional
    public KurLoan enrol(String bank, String loanId, EnrolRequest request, LindungUser by) {
        KurLoan loan = find(bank, loanId, by);
        String ownBank = banks.bankOf(by).orElse(null);
        String assignedAgent = jdbc.sql("SELECT assigned_agent FROM kur_loan WHERE bank_code = ? AND loan_id = ?")
                .params(loan.bankCode(), loan.loanId())
                .query(String.class)
                .optional()
                .orElse(null);
        // the relationship first (a bank's own loan, an agent's handed row): refused before anything is written
        policy.checkEnrol(by, loan, ownBank, assignedAgent);
        if (loan.matchStatus().equals("PROTECTED")) {
            throw new InvalidInputException(FieldIssue.error("loan", "kur.enrol.already-protected"));
        }
        if (loan.matchStatus().equals("DECEASED")) {
            throw new InvalidInputException(FieldIssue.error("loan", "kur.enrol.deceased"));
        }
        Long participantId = loan.participantId();
        if (participantId == null) {
            String desa = blankToNull(request.regionCode());
            if (desa == null && loan.regionCode().length() == 13) {
                desa = loan.regionCode();
            }
            policy.checkRegisterBorrower(by);
            if (desa == null) {
                throw new InvalidInputException(
                        FieldIssue.error("regionCode", "kur.enrol.desa-required", loan.regionCode()));
            }
            LocalDate today = LocalDate.now(clock);
            LocalDate birth =
                    NikRules.birthDateOf(loan.nik(), loan.birthDate(), today).orElse(null);
            Sex sex = NikRules.sexOf(loan.nik()).orElse(null);
            participantId = participants
                    .register(
                            new ParticipantDetails(
                                    loan.nik(), loan.name(), birth, sex, desa, null, loan.sector(), null),
                            by)
                    .participant()
                    .id();
        }
        long income = request.declaredIncome() == null ? enrolment.bpuMinIncome() : request.declaredIncome();
        YearMonth start = request.startMonth() == null ? YearMonth.now(clock) : request.startMonth();
        KurBorrower borrower = new KurBorrower(loan.bankCode(), loan.loanId(), participantId);
        Membership m = enrolment.enrol(
                new EnrolmentRequest(
                        participantId,
                        Segment.BPU,
                        Channel.KUR_BANK,
                        Set.of(),
                        null,
                        income,
                        Sector.OTHER,
                        false,
                        start,
                        null),
                borrower,
                by);
        jdbc.sql("""
                UPDATE kur_loan SET participant_id = ?, enrolled_membership_id = ?, enrolled_at = lindung_now()
                 WHERE bank_code = ? AND loan_id = ?""")
                .params(participantId, m.id(), loan.bankCode(), loan.loanId())
                .update();
        matching.matchLoan(loan.bankCode(), loan.loanId());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("bank", loan.bankCode());
        values.put("loanId", loan.loanId());
        values.put("participantId", participantId);
        values.put("membershipId", m.id());
        audit.record(
                "KUR_BORROWER_ENROLLED", "kur_loan", loan.bankCode() + ":" + loan.loanId(), loan.regionCode(), values);
        return find(loan.bankCode(), loan.loanId(), by);
    }

    /**
     * Conversion per disbursement month and group ({@code bank}, {@code scheme} or {@code kabkota}): borrowers,
     * enrolled at disbursement, protected now, and the same for those who must be enrolled.
     */
    public List<Conversion> conversion(String groupBy, @Nullable String bank, LindungUser by) {
        String key = group(groupBy);
        Filter f = filter(bank, by);
        return jdbc.sql("SELECT date_trunc('month', disbursed_on)::date, " + key + ", count(*),"
                        + " count(*) FILTER (WHERE enrolled_at_disbursement),"
                        + " count(*) FILTER (WHERE match_status = 'PROTECTED'), count(*) FILTER (WHERE mandatory),"
                        + " count(*) FILTER (WHERE mandatory AND match_status = 'PROTECTED')"
                        + " FROM kur_loan" + f.where() + " GROUP BY 1, 2 ORDER BY 1, 2")
                .param("scope", f.scope())
                .param("bank", f.bank())
                .query((rs, i) -> new Conversion(
                        YearMonth.from(rs.getDate(1).toLocalDate()),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list();
    }

    /** A loan the caller may see. */
    public KurLoan find(String bank, String loanId, LindungUser by) {
        Filter f = filter(bank, by);
        return jdbc.sql("SELECT * FROM kur_loan" + f.where() + " AND loan_id = :loan")
                .param("scope", f.scope())
                .param("bank", f.bank())
                .param("loan", loanId)
                .query((rs, i) -> loans.loan(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("kur loan " + bank + " " + loanId));
    }

    private record Filter(String scope, @Nullable String bank) {
        String where() {
            return "\n WHERE region_code LIKE :scope AND (CAST(:bank AS varchar) IS NULL OR bank_code = :bank)\n";
        }
    }

    private Filter filter(@Nullable String bank, LindungUser by) {
        String own = banks.bankOf(by).orElse(null);
        String given = blankToNull(bank);
        String b = given == null ? null : given.toUpperCase(Locale.ROOT);
        if (own != null) {
            if (b != null && !b.equals(own)) {
                throw new ForbiddenException("kur.bank.not-yours", b, own);
            }
            return new Filter("%", own);
        }
        return new Filter(by.scope().code() + "%", b);
    }

    private static String group(String groupBy) {
        String key = GROUPS.get(groupBy == null ? "" : groupBy);
        if (key == null) {
            throw new InvalidInputException(FieldIssue.error(
                    "groupBy",
                    "kur.group.unknown",
                    String.join(", ", GROUPS.keySet().stream().sorted().toList())));
        }
        return key;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
