package id.lindung.web;

import id.lindung.access.BulkReads;
import id.lindung.access.KeyPolicy;
import id.lindung.access.LindungUser;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.ClaimRules;
import id.lindung.claim.ClaimSummary;
import id.lindung.contribution.RateBook;
import id.lindung.contribution.RateRule;
import id.lindung.contribution.Worklists;
import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboards;
import id.lindung.kur.KurOutreach;
import id.lindung.paritrana.Cycle;
import id.lindung.paritrana.CycleStatus;
import id.lindung.paritrana.ParitranaCycles;
import id.lindung.participant.DuplicateCandidate;
import id.lindung.participant.ParticipantManagement;
import id.lindung.privacy.RetentionPolicy;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.PageResult;
import id.lindung.shared.TooManyRequestsException;
import id.lindung.shared.crypto.KeyRotation;
import id.lindung.shared.crypto.Vault;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The task lists of the home page, each read through its module's published service with the caller as the
 * reader: the service applies the role's read right and the region scope exactly as on the page the list links to.
 * Lists that name people are recorded as reads of that page's list ({@link BulkReads}, view {@code home}); past the
 * hourly budget such a list shows its count only.
 */
@Component
class HomeTasks {

    /** How many items a task list shows; the rest are on the page it links to. */
    static final int SHOWN = 5;
    /** Bank files whose rejected rows are shown: uploaded within so many days. */
    static final int FILE_DAYS = 30;
    /** "This week": bills due within so many days from today, overdue ones included. */
    static final int DUE_DAYS = 7;

    private final ClaimManagement claims;
    private final ClaimRules claimRules;
    private final ParticipantManagement participants;
    private final Worklists worklists;
    private final RateBook rates;
    private final KurOutreach kur;
    private final CoverageDashboards coverage;
    private final ParitranaCycles paritrana;
    private final RetentionPolicy retention;
    private final Vault vault;
    private final KeyRotation keys;
    private final BulkReads bulkReads;
    private final Clock clock;

    HomeTasks(
            ClaimManagement claims,
            ClaimRules claimRules,
            ParticipantManagement participants,
            Worklists worklists,
            RateBook rates,
            KurOutreach kur,
            CoverageDashboards coverage,
            ParitranaCycles paritrana,
            RetentionPolicy retention,
            Vault vault,
            KeyRotation keys,
            BulkReads bulkReads,
            Clock clock) {
        this.claims = claims;
        this.claimRules = claimRules;
        this.participants = participants;
        this.worklists = worklists;
        this.rates = rates;
        this.kur = kur;
        this.coverage = coverage;
        this.paritrana = paritrana;
        this.retention = retention;
        this.vault = vault;
        this.keys = keys;
        this.bulkReads = bulkReads;
        this.clock = clock;
    }

    /**
     * A task list: how many wait in all and the first few. {@code withheld}: the items are not shown because the
     * reader's hourly budget of personal-data rows is used up.
     */
    record Tasks<T>(long total, List<T> items, boolean withheld) {

        static <T> Tasks<T> of(PageResult<T> page) {
            return new Tasks<>(page.total(), page.items(), false);
        }
    }

    /** An open claim and its service level: days left to the payment deadline (negative: late), none before it runs. */
    record ClaimTask(ClaimSummary claim, @Nullable Long daysLeft) {

        /** {@code late}, {@code soon} (today or within two days), {@code ok}, or {@code waiting} (no deadline yet). */
        public String urgency() {
            if (daysLeft == null) {
                return "waiting";
            }
            return daysLeft < 0 ? "late" : daysLeft <= 2 ? "soon" : "ok";
        }
    }

    /**
     * Something an administrator should configure: a message key, how many, and where; a Paritrana cycle's year and
     * category.
     */
    record ConfigItem(
            String key,
            long count,
            String href,
            @Nullable Integer year,
            @Nullable String category) {

        ConfigItem(String key, long count, String href) {
            this(key, count, href, null, null);
        }
    }

    /** The keyring: current keys, the keys held, and whether values still wait under an older key. */
    record KeyStatus(
            int dataKey, List<Integer> dataKeys, int indexKey, List<Integer> indexKeys, boolean rotationPending) {

        /** Keys held besides the current ones. */
        public boolean oldKeysHeld() {
            return dataKeys.size() > 1 || indexKeys.size() > 1;
        }
    }

    /**
     * The coverage of the reader's area: how many of its kab/kota (or kecamatan) are below their target, and the
     * lowest three.
     */
    record CoverageTasks(CoverageDashboard dashboard, long belowTarget, List<CoverageDashboard.ChildFigure> lowest) {}

    // ----------------------------------------------------------------------------------------------- officers

    /** Open claims, the nearest payment deadline first (the queue's order). */
    Tasks<ClaimTask> claimsWaiting(LindungUser me) {
        PageResult<ClaimSummary> page = claims.queue(null, false, null, 0, SHOWN, me);
        LocalDate today = LocalDate.now(clock);
        return listed(
                "claims",
                me,
                page.total(),
                page.items().size(),
                () -> page.items().stream()
                        .map(c -> new ClaimTask(
                                c, c.dueDate() == null ? null : ChronoUnit.DAYS.between(today, c.dueDate())))
                        .toList());
    }

    /** Possible duplicates waiting for a verdict. */
    Tasks<DuplicateCandidate> duplicates(LindungUser me) {
        PageResult<DuplicateCandidate> page = participants.openDuplicates(0, SHOWN, me);
        return listed(
                "participant-duplicates", me, page.total(), 2L * page.items().size(), page::items);
    }

    /** Rows of recent bank payment files rejected for refund. */
    Tasks<Worklists.RejectedRow> rejectedPayments(LindungUser me) {
        return Tasks.of(worklists.rejectedFileRows(FILE_DAYS, SHOWN, me));
    }

    // ---------------------------------------------------------------------------------------------- banks, agents

    /** The KUR work list (a bank's people: their bank's borrowers), most urgent first. */
    Tasks<KurOutreach.WorkItem> kurWorkList(LindungUser me) {
        PageResult<KurOutreach.WorkItem> page =
                kur.workList(null, null, null, null, false, 0, SHOWN, me).items();
        return listed("kur-work-list", me, page.total(), page.items().size(), page::items);
    }

    /** The agent's workers with contributions due this week or in arrears. */
    Tasks<Worklists.MemberDue> dues(LindungUser me) {
        PageResult<Worklists.MemberDue> page =
                worklists.dueBy(LocalDate.now(clock).plusDays(DUE_DAYS - 1), SHOWN, me);
        return listed("contribution-dues", me, page.total(), page.items().size(), page::items);
    }

    // -------------------------------------------------------------------------------------------------- analysts

    /** The coverage of the reader's area; none while the read model has no month yet. */
    @Nullable
    CoverageTasks coverage(LindungUser me) {
        CoverageDashboard d;
        try {
            d = coverage.dashboard(null, null, me);
        } catch (NotFoundException e) {
            return null;
        }
        List<CoverageDashboard.ChildFigure> lowest = d.children().stream()
                .filter(c -> c.figure().coverage() != null)
                .sorted(Comparator.comparing(
                        c -> Objects.requireNonNull(c.figure().coverage())))
                .limit(3)
                .toList();
        long below = d.children().stream()
                .map(CoverageDashboard.ChildFigure::figure)
                .filter(f -> f.coverage() != null && f.target() != null && f.coverage() < f.target())
                .count();
        return new CoverageTasks(d, below, lowest);
    }

    // ------------------------------------------------------------------------------------------- administrators

    /** Figures marked unconfirmed, per place where they are kept; places with none are left out. */
    List<ConfigItem> unconfirmedFigures() {
        List<ConfigItem> items = new ArrayList<>();
        items.add(new ConfigItem(
                "home.config.rates",
                rates.all().stream().filter(RateRule::unconfirmed).count(),
                "/iuran/tarif"));
        items.add(new ConfigItem("home.config.benefits", claimRules.unconfirmed(), "/api/claim-rules"));
        items.add(new ConfigItem(
                "home.config.retention",
                retention.overview().categories().stream()
                        .filter(c -> c.current() != null
                                && Objects.requireNonNull(c.current()).unconfirmed())
                        .count(),
                "/privasi/retensi"));
        for (Cycle c : paritrana.list()) {
            if (c.status() != CycleStatus.CLOSED) {
                long weights = paritrana.get(c.id()).indicators().stream()
                        .filter(Cycle.Weight::weightUnconfirmed)
                        .count();
                items.add(new ConfigItem(
                        "home.config.paritrana",
                        weights,
                        "/paritrana/" + c.id(),
                        c.year(),
                        c.category().name()));
            }
        }
        return items.stream().filter(i -> i.count() > 0).toList();
    }

    /** The keyring's state, for those who manage keys; none for anyone else. */
    @Nullable
    KeyStatus keys(LindungUser me) {
        if (!KeyPolicy.mayManage(me)) {
            return null;
        }
        var keyring = vault.keyring();
        return new KeyStatus(
                keyring.currentDataKey(),
                keyring.dataKeyVersions().stream().sorted().toList(),
                keyring.currentIndexKey(),
                keyring.indexKeyVersions().stream().sorted().toList(),
                keys.pending());
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /**
     * A list naming people: its rows are recorded as a read of the page's list {@code list} before they are shown;
     * past the budget the count alone.
     */
    private <T> Tasks<T> listed(String list, LindungUser me, long total, long rows, Supplier<List<T>> items) {
        if (rows == 0) {
            return new Tasks<>(total, List.of(), false);
        }
        try {
            bulkReads.listed(list, me.scope().code(), BulkReads.filter("view", "home", "size", SHOWN), rows);
        } catch (TooManyRequestsException e) {
            return new Tasks<>(total, List.of(), true);
        }
        return new Tasks<>(total, items.get(), false);
    }
}
