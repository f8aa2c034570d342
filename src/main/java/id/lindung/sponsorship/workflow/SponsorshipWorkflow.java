package id.lindung.sponsorship.workflow;

import static id.lindung.sponsorship.workflow.SponsorshipRule.BENEFICIARY_REGION;
import static id.lindung.sponsorship.workflow.SponsorshipRule.BUDGET;
import static id.lindung.sponsorship.workflow.SponsorshipRule.ELIGIBILITY;
import static id.lindung.sponsorship.workflow.SponsorshipRule.ENDED;
import static id.lindung.sponsorship.workflow.SponsorshipRule.END_ACTION;
import static id.lindung.sponsorship.workflow.SponsorshipRule.END_BEFORE_START;
import static id.lindung.sponsorship.workflow.SponsorshipRule.END_MONTH;
import static id.lindung.sponsorship.workflow.SponsorshipRule.INCOME;
import static id.lindung.sponsorship.workflow.SponsorshipRule.LEGAL_BASIS;
import static id.lindung.sponsorship.workflow.SponsorshipRule.NAME;
import static id.lindung.sponsorship.workflow.SponsorshipRule.NO_BILL;
import static id.lindung.sponsorship.workflow.SponsorshipRule.REGION;
import static id.lindung.sponsorship.workflow.SponsorshipRule.REGION_OUT_OF_SCOPE;
import static id.lindung.sponsorship.workflow.SponsorshipRule.REQUIRED;
import static id.lindung.sponsorship.workflow.SponsorshipRule.ROLE;
import static id.lindung.sponsorship.workflow.SponsorshipRule.SCOPE;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.shared.Decision;
import id.lindung.sponsorship.Programme;
import id.lindung.sponsorship.workflow.SponsorshipAction.BillLine;
import id.lindung.sponsorship.workflow.SponsorshipAction.Kind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Sponsorship programmes as pure functions: who may change a programme and how, decided from the programme, the
 * actor and today, returning the change to make or a refusal naming its {@link SponsorshipRule} (as the benefit
 * engine returns amounts or a refusal). The services load the facts, ask, persist and record; the programme page
 * shows exactly the forms {@link #offered} says.
 *
 * <p>Programmes, their beneficiaries, the consolidated payment and the end are BPJS officers' and administrators'
 * work, for a government inside their region scope (docs/decisions.md, "Sponsorship: who does what"); government
 * analysts, banks and agents read and simulate only. A programme takes beneficiaries until it ended or its last
 * month is past, each from its first month or the current one, whichever is later; it ends once, after a month from
 * the one before its start to its end month, its memberships either ended (END) or handed over to the workers as
 * self-paying BPU members from the next month (HAND_OVER). No Spring, no database.
 */
public final class SponsorshipWorkflow {

    /** How a programme ends. */
    public static final List<String> END_ACTIONS = List.of("END", "HAND_OVER");

    private SponsorshipWorkflow() {}

    /** Whether {@code by} manages programmes at all (the sponsor's region is checked per programme). */
    public static boolean mayWrite(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER);
    }

    /** The role, asked before a programme is read: a reader is refused, not told the programme is elsewhere. */
    public static Decision<LindungUser> mayAttempt(LindungUser by) {
        return new Decision.Checks()
                .check(!mayWrite(by), ROLE, "", by.role().name())
                .decide(() -> by);
    }

    // ------------------------------------------------------------------------------------------------ creating

    /** A new programme as it is stored: trimmed, the income defaulted to the BPU minimum. */
    public record NewProgramme(
            String name,
            String sponsorRegion,
            String legalBasis,
            Programme.FundingSource fundingSource,
            long budget,
            YearMonth startMonth,
            YearMonth endMonth,
            long declaredIncome,
            @Nullable String eligibility) {}

    /**
     * A new programme {@code p} by {@code by}: its government a known province or kab/kota ({@code regionExists})
     * inside the caller's scope, a budget, months in order, an income not below {@code bpuMinIncome}.
     */
    public static Decision<NewProgramme> create(
            Programme.New p, LindungUser by, Predicate<String> regionExists, long bpuMinIncome) {
        Decision.Checks checks =
                new Decision.Checks().check(!mayWrite(by), ROLE, "", by.role().name());
        String name = trim(p.name());
        checks.check(name == null || name.length() > 200, NAME, "name");
        String region = trim(p.sponsorRegion());
        boolean known = region != null && (region.length() == 2 || region.length() == 5) && regionExists.test(region);
        checks.check(!known, REGION, "sponsorRegion", String.valueOf(region));
        checks.check(
                known && !by.scope().includes(Objects.requireNonNull(region)),
                REGION_OUT_OF_SCOPE,
                "sponsorRegion",
                String.valueOf(region));
        String basis = trim(p.legalBasis());
        checks.check(basis == null || basis.length() > 200, LEGAL_BASIS, "legalBasis");
        checks.check(p.fundingSource() == null, REQUIRED, "fundingSource");
        checks.check(p.budget() == null || p.budget() <= 0, BUDGET, "budget");
        checks.check(p.startMonth() == null, REQUIRED, "startMonth");
        checks.check(p.endMonth() == null, REQUIRED, "endMonth");
        checks.check(
                p.startMonth() != null && p.endMonth() != null && p.endMonth().isBefore(p.startMonth()),
                END_BEFORE_START,
                "endMonth");
        long income = p.declaredIncome() == null ? bpuMinIncome : p.declaredIncome();
        checks.check(income < bpuMinIncome, INCOME, "declaredIncome", bpuMinIncome);
        String eligibility = trim(p.eligibility());
        checks.check(eligibility != null && eligibility.length() > 1000, ELIGIBILITY, "eligibility");
        // decide builds only when every check passed: then each of these is given
        return checks.decide(() -> new NewProgramme(
                Objects.requireNonNull(name),
                Objects.requireNonNull(region),
                Objects.requireNonNull(basis),
                Objects.requireNonNull(p.fundingSource()),
                Objects.requireNonNull(p.budget()),
                Objects.requireNonNull(p.startMonth()),
                Objects.requireNonNull(p.endMonth()),
                income,
                eligibility));
    }

    // ---------------------------------------------------------------------------------------- a programme

    /**
     * Beneficiaries added to {@code p} today: allowed with the month their sponsored membership starts (the
     * programme's first month, or the current month when that is later).
     */
    public static Decision<YearMonth> addBeneficiaries(Programme p, LindungUser by, LocalDate today) {
        Decision.Checks checks = new Decision.Checks();
        preconditions(checks, p, Kind.ADD_BENEFICIARIES, by, YearMonth.from(today));
        YearMonth now = YearMonth.from(today);
        return checks.decide(() -> p.startMonth().isAfter(now) ? p.startMonth() : now);
    }

    /**
     * What paying a consolidated bill does: each member's open bill for its open amount ({@code toPay}, each line's
     * amount being what is open), the bills paid already counted.
     */
    public record Payment(YearMonth month, LocalDate paidOn, List<BillLine> toPay, int alreadyPaid) {

        public Payment {
            toPay = List.copyOf(toPay);
        }
    }

    /** The consolidated bill of a month paid: allowed with what to pay, or refused. */
    public static Decision<Payment> pay(Programme p, SponsorshipAction.PayBill bill, LindungUser by, LocalDate today) {
        Decision.Checks checks = new Decision.Checks();
        preconditions(checks, p, Kind.PAY_BILL, by, YearMonth.from(today));
        YearMonth month = bill.month();
        checks.check(month == null, REQUIRED, "month");
        checks.check(month != null && bill.lines().isEmpty(), NO_BILL, "month", String.valueOf(month));
        return checks.decide(() -> new Payment(
                Objects.requireNonNull(month), // decide: only with a month
                bill.paidOn() == null ? today : bill.paidOn(),
                bill.lines().stream()
                        .filter(l -> l.open() > 0)
                        .map(l -> new BillLine(l.membershipId(), l.open(), 0))
                        .toList(),
                (int) bill.lines().stream().filter(l -> l.open() <= 0).count()));
    }

    /**
     * How a programme ends: after {@code lastMonth}; each open sponsored membership ends then, and with
     * {@link #handsOver()} the worker continues as a self-paying BPU member from {@link #handOverFrom()}.
     */
    public record Ending(YearMonth lastMonth, String action) {

        public boolean handsOver() {
            return "HAND_OVER".equals(action);
        }

        public YearMonth handOverFrom() {
            return lastMonth.plusMonths(1);
        }
    }

    /** The end of {@code p}: allowed with how it ends, or refused. */
    public static Decision<Ending> end(Programme p, SponsorshipAction.End end, LindungUser by, LocalDate today) {
        Decision.Checks checks = new Decision.Checks();
        preconditions(checks, p, Kind.END, by, YearMonth.from(today));
        checks.check(
                end.action() == null || !END_ACTIONS.contains(end.action()),
                END_ACTION,
                "action",
                String.valueOf(end.action()));
        YearMonth last = end.lastMonth() == null ? p.endMonth() : end.lastMonth();
        checks.check(
                last.isBefore(p.startMonth().minusMonths(1)) || last.isAfter(p.endMonth()),
                END_MONTH,
                "lastMonth",
                p.startMonth().minusMonths(1).toString(),
                p.endMonth().toString());
        return checks.decide(() -> new Ending(last, String.valueOf(end.action())));
    }

    /** The changes open to {@code by} on {@code p} today: those no rule of the programme or the actor refuses. */
    public static Set<Kind> offered(Programme p, LindungUser by, LocalDate today) {
        Set<Kind> offered = EnumSet.noneOf(Kind.class);
        for (Kind kind : Kind.values()) {
            Decision.Checks checks = new Decision.Checks();
            preconditions(checks, p, kind, by, YearMonth.from(today));
            if (checks.passed()) {
                offered.add(kind);
            }
        }
        return offered;
    }

    private static void preconditions(
            Decision.Checks checks, Programme p, Kind kind, LindungUser by, YearMonth thisMonth) {
        checks.check(!mayWrite(by), ROLE, "", by.role().name());
        checks.check(!by.scope().includes(p.sponsorRegion()), SCOPE, "", p.sponsorRegion());
        switch (kind) {
            case ADD_BENEFICIARIES ->
                checks.check(
                        p.endedOn() != null || thisMonth.isAfter(p.endMonth()),
                        ENDED,
                        "programme",
                        p.lastMonth().toString());
            case END -> checks.check(p.endedOn() != null, ENDED, "programme", String.valueOf(p.endedOn()));
            case PAY_BILL -> {
                // a past or ended programme's bills are still paid
            }
        }
    }

    // --------------------------------------------------------------------------------------- beneficiaries

    /** Where a worker put on a programme's list ends up. */
    public enum Placement {
        /** Enrolled now through the programme. */
        ADDED,
        /** Already on the programme's list: nothing changes. */
        UNCHANGED,
        /** Already a BPU member through another channel: left as they are, counted. */
        ELSEWHERE
    }

    /**
     * A worker put on the list: already listed (the same worker twice, the same file twice) changes nothing; an
     * open BPU membership through another channel is left alone (a second BPU membership is not allowed, and taking
     * over a worker's own is their choice); otherwise enrolled.
     */
    public static Placement place(boolean listed, boolean openBpuElsewhere) {
        return listed ? Placement.UNCHANGED : openBpuElsewhere ? Placement.ELSEWHERE : Placement.ADDED;
    }

    /** Whether a worker of {@code region} (a desa or kab/kota code) lives in the sponsor's region. */
    public static boolean inRegion(String region, Programme p) {
        return region.equals(p.sponsorRegion()) || region.startsWith(p.sponsorRegion() + ".");
    }

    /** A worker outside the sponsor's region, as a refusal naming {@code field}. */
    public static Decision<String> beneficiaryRegion(String region, String who, String field, Programme p) {
        return new Decision.Checks()
                .check(!inRegion(region, p), BENEFICIARY_REGION, field, who, p.sponsorRegion())
                .decide(() -> region);
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
