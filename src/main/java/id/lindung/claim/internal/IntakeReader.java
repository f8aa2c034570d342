package id.lindung.claim.internal;

import id.lindung.claim.ClaimIntake;
import id.lindung.claim.benefit.Child;
import id.lindung.claim.benefit.ClaimDetails;
import id.lindung.claim.benefit.ClaimKind;
import id.lindung.claim.benefit.EducationLevel;
import id.lindung.claim.benefit.EventCause;
import id.lindung.claim.benefit.FunctionLoss;
import id.lindung.claim.benefit.Invoice;
import id.lindung.claim.benefit.TransportCost;
import id.lindung.claim.benefit.TransportMode;
import id.lindung.shared.Bounds;
import id.lindung.shared.FieldIssue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link ClaimIntake} into the engine's values, collecting every problem as a field issue that names the
 * field ({@code invoices[1].amount}, {@code children[0].birthDate}): the caller throws them all at once.
 */
public final class IntakeReader {

    /** The programmes began on 1 July 2015; no claim for an earlier event. */
    public static final LocalDate EARLIEST_EVENT = Bounds.EARLIEST_MONTH.atDay(1);

    static final int MAX_ITEMS = 200;

    private final List<FieldIssue> issues = new ArrayList<>();
    private final LocalDate today;
    private final Bounds bounds;

    public IntakeReader(Bounds bounds) {
        this.bounds = bounds;
        this.today = bounds.today();
    }

    public List<FieldIssue> issues() {
        return issues;
    }

    /** The engine's names of its input ({@code details.codes}) and the intake field they come from. */
    private static final java.util.Map<String, String> ENGINE_FIELDS = java.util.Map.of(
            "details.invoices",
            "invoices",
            "details.costs",
            "transport",
            "details.start",
            "homeCareStart",
            "details.months",
            "stmbMonths",
            "details.codes",
            "disabilityCodes",
            "details.losses",
            "functionLosses",
            "member.wage",
            "wage");

    /**
     * An issue of the benefit engine named by the intake's field ({@code details.codes[0]} → {@code
     * disabilityCodes[0]}): what the API answers and the form marks is always a field they have.
     */
    public static FieldIssue intakeField(FieldIssue issue) {
        String field = issue.field();
        for (java.util.Map.Entry<String, String> e : ENGINE_FIELDS.entrySet()) {
            if (field.equals(e.getKey()) || field.startsWith(e.getKey() + "[") || field.startsWith(e.getKey() + ".")) {
                return new FieldIssue(
                        e.getValue() + field.substring(e.getKey().length()),
                        issue.code(),
                        issue.args(),
                        issue.severity());
            }
        }
        return issue;
    }

    public @Nullable EventCause cause(@Nullable String cause) {
        if (cause == null || cause.isBlank()) {
            issues.add(FieldIssue.error("cause", "field.required"));
            return null;
        }
        try {
            return EventCause.valueOf(cause.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            issues.add(FieldIssue.error("cause", "claim.cause.unknown", cause));
            return null;
        }
    }

    /** {@code DEATH} is decided by the cause: JKK for a work accident or occupational disease, JKM otherwise. */
    public @Nullable ClaimKind kind(@Nullable String kind, @Nullable EventCause cause) {
        if (kind == null || kind.isBlank()) {
            issues.add(FieldIssue.error("kind", "field.required"));
            return null;
        }
        String k = kind.trim().toUpperCase(Locale.ROOT);
        if (k.equals("DEATH")) {
            return cause == null ? null : ClaimKind.death(cause);
        }
        try {
            return ClaimKind.valueOf(k);
        } catch (IllegalArgumentException e) {
            issues.add(FieldIssue.error("kind", "claim.kind.unknown", kind));
            return null;
        }
    }

    public @Nullable LocalDate eventDate(@Nullable LocalDate date) {
        if (date == null) {
            issues.add(FieldIssue.error("eventDate", "field.required"));
        } else if (date.isAfter(today)) {
            issues.add(FieldIssue.error("eventDate", "claim.date.future"));
        } else if (date.isBefore(EARLIEST_EVENT)) {
            issues.add(FieldIssue.error("eventDate", "claim.date.before-programmes", EARLIEST_EVENT.toString()));
        } else {
            return date;
        }
        return null;
    }

    public @Nullable ClaimDetails details(ClaimKind kind, ClaimIntake in, @Nullable LocalDate eventDate) {
        return switch (kind) {
            case JKK_MEDICAL -> new ClaimDetails.MedicalCare(invoices(in.invoices(), eventDate));
            case JKK_HOME_CARE -> {
                List<Invoice> invoices = invoices(in.invoices(), eventDate);
                if (in.homeCareStart() == null) {
                    issues.add(FieldIssue.error("homeCareStart", "field.required"));
                    yield null;
                }
                int before = issues.size();
                bounds.checkEventDate("homeCareStart", in.homeCareStart(), issues);
                if (issues.size() > before) {
                    yield null;
                }
                yield new ClaimDetails.HomeCare(in.homeCareStart(), invoices);
            }
            case JKK_TRANSPORT -> new ClaimDetails.Transport(transport(in.transport(), eventDate));
            case JKK_STMB -> {
                Integer months = in.stmbMonths();
                if (months == null) {
                    issues.add(FieldIssue.error("stmbMonths", "field.required"));
                    yield null;
                }
                if (months < 1 || months > 600) {
                    issues.add(FieldIssue.error("stmbMonths", "claim.stmb.months", 1, 600));
                    yield null;
                }
                yield new ClaimDetails.TemporaryIncapacity(months);
            }
            case JKK_DISABILITY_PARTIAL_ANATOMICAL -> {
                List<String> codes = in.disabilityCodes() == null ? List.of() : in.disabilityCodes();
                if (codes.isEmpty()) {
                    issues.add(FieldIssue.error("disabilityCodes", "field.required"));
                    yield null;
                }
                yield new ClaimDetails.AnatomicalDisability(
                        codes.stream().map(c -> c == null ? "" : c.trim()).toList());
            }
            case JKK_DISABILITY_PARTIAL_FUNCTIONAL -> {
                List<ClaimIntake.FunctionLossItem> items =
                        in.functionLosses() == null ? List.of() : in.functionLosses();
                if (items.isEmpty()) {
                    issues.add(FieldIssue.error("functionLosses", "field.required"));
                    yield null;
                }
                List<FunctionLoss> losses = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    ClaimIntake.FunctionLossItem item = items.get(i);
                    BigDecimal pct = item.percentLost();
                    if (item.code() == null || item.code().isBlank()) {
                        issues.add(FieldIssue.error("functionLosses[" + i + "].code", "field.required"));
                    } else if (pct == null || pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                        issues.add(FieldIssue.error("functionLosses[" + i + "].percentLost", "claim.percent"));
                    } else {
                        losses.add(new FunctionLoss(item.code().trim(), pct));
                    }
                }
                yield new ClaimDetails.FunctionalDisability(losses);
            }
            case JKK_DISABILITY_TOTAL, JKK_DEATH, JKM_DEATH -> new ClaimDetails.None();
        };
    }

    private List<Invoice> invoices(@Nullable List<ClaimIntake.InvoiceItem> items, @Nullable LocalDate eventDate) {
        if (items == null || items.isEmpty()) {
            issues.add(FieldIssue.error("invoices", "claim.invoices.required"));
            return List.of();
        }
        if (items.size() > MAX_ITEMS) {
            issues.add(FieldIssue.error("invoices", "claim.items.too-many", MAX_ITEMS));
            return List.of();
        }
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ClaimIntake.InvoiceItem item = items.get(i);
            String field = "invoices[" + i + "]";
            LocalDate date = itemDate(item.date(), eventDate, field);
            Long amount = amount(item.amount(), field, Bounds.Money.INVOICE);
            String description = text(item.description(), field + ".description");
            if (date != null && amount != null && description != null) {
                invoices.add(new Invoice(date, description, amount));
            }
        }
        return invoices;
    }

    private List<TransportCost> transport(
            @Nullable List<ClaimIntake.TransportItem> items, @Nullable LocalDate eventDate) {
        if (items == null || items.isEmpty()) {
            issues.add(FieldIssue.error("transport", "claim.transport.required"));
            return List.of();
        }
        List<TransportCost> costs = new ArrayList<>();
        for (int i = 0; i < Math.min(items.size(), MAX_ITEMS); i++) {
            ClaimIntake.TransportItem item = items.get(i);
            String field = "transport[" + i + "]";
            TransportMode mode = null;
            try {
                mode = TransportMode.valueOf(String.valueOf(item.mode()).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                issues.add(FieldIssue.error(field + ".mode", "claim.transport.mode", String.valueOf(item.mode())));
            }
            LocalDate date = itemDate(item.date(), eventDate, field);
            Long amount = amount(item.amount(), field, Bounds.Money.TRANSPORT_COST);
            String description =
                    item.description() == null ? "" : item.description().trim();
            if (mode != null && date != null && amount != null) {
                costs.add(new TransportCost(mode, date, description, amount));
            }
        }
        return costs;
    }

    public List<Child> children(@Nullable List<ClaimIntake.ChildItem> items, List<String> named) {
        List<Child> children = new ArrayList<>();
        if (items == null) {
            return children;
        }
        if (items.size() > MAX_ITEMS) {
            issues.add(FieldIssue.error("children", "claim.items.too-many", MAX_ITEMS));
            return children;
        }
        for (int i = 0; i < items.size(); i++) {
            ClaimIntake.ChildItem c = items.get(i);
            String field = "children[" + i + "]";
            String name = text(c.name(), field + ".name");
            LocalDate birth = c.birthDate();
            if (birth == null) {
                issues.add(FieldIssue.error(field + ".birthDate", "field.required"));
            } else if (birth.isAfter(today)) {
                issues.add(FieldIssue.error(field + ".birthDate", "claim.date.future"));
                birth = null;
            } else if (birth.getYear() < Bounds.FIRST_YEAR) {
                bounds.checkQueryDate(field + ".birthDate", birth, issues);
                birth = null;
            }
            EducationLevel level = null;
            int year = 0;
            if (c.level() != null && !c.level().isBlank()) {
                try {
                    level = EducationLevel.valueOf(c.level().trim().toUpperCase(Locale.ROOT));
                    year = c.yearInLevel() == null ? 1 : c.yearInLevel();
                    if (year < 1 || year > 6) {
                        issues.add(FieldIssue.error(field + ".yearInLevel", "claim.child.year", 1, 6));
                    }
                } catch (IllegalArgumentException e) {
                    issues.add(FieldIssue.error(field + ".level", "claim.child.level", c.level()));
                }
            }
            if (name != null && birth != null && year >= 0 && year <= 6) {
                String id = "child-" + (i + 1);
                children.add(new Child(id, name, birth, level, level == null ? 0 : year, c.married(), c.working()));
                if (c.named()) {
                    named.add(id);
                }
            }
        }
        return children;
    }

    private @Nullable LocalDate itemDate(@Nullable LocalDate date, @Nullable LocalDate eventDate, String field) {
        if (date == null) {
            issues.add(FieldIssue.error(field + ".date", "field.required"));
            return null;
        }
        if (date.isAfter(today)) {
            issues.add(FieldIssue.error(field + ".date", "claim.date.future"));
            return null;
        }
        if (eventDate != null && date.isBefore(eventDate)) {
            issues.add(FieldIssue.error(field + ".date", "claim.date.before-event"));
            return null;
        }
        return date;
    }

    private @Nullable Long amount(@Nullable Long amount, String field, Bounds.Money kind) {
        if (amount == null) {
            issues.add(FieldIssue.error(field + ".amount", "field.required"));
            return null;
        }
        if (amount <= 0) {
            issues.add(FieldIssue.error(field + ".amount", "amount.positive"));
            return null;
        }
        if (!bounds.plausible(kind, amount)) {
            issues.add(bounds.moneyIssue(kind, field + ".amount"));
            return null;
        }
        return amount;
    }

    private @Nullable String text(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            issues.add(FieldIssue.error(field, "field.required"));
            return null;
        }
        if (value.length() > 200) {
            issues.add(FieldIssue.error(field, "field.too-long", 200));
            return null;
        }
        return value.trim();
    }
}
