package id.lindung.claim.web;

import id.lindung.claim.ClaimIntake;
import id.lindung.claim.benefit.ClaimKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The intake form of {@code /klaim/baru}: fixed empty rows for the lists; empty rows are left out when the claim is
 * submitted.
 */
public class ClaimForm {

    /** The form's kind for a death: the cause decides JKK or JKM. */
    static final String DEATH = "DEATH";

    private static final int ROWS = 3;

    private @Nullable Long participantId;
    private @Nullable String kind;
    private @Nullable String cause;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate eventDate;

    private List<InvoiceRow> invoices = new ArrayList<>();

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate homeCareStart;

    private List<TransportRow> transport = new ArrayList<>();
    private @Nullable Integer stmbMonths;
    private List<String> disabilityCodes = new ArrayList<>();
    private List<LossRow> functionLosses = new ArrayList<>();
    private @Nullable Long wage;
    private List<HeirRow> heirs = new ArrayList<>();
    private List<ChildRow> children = new ArrayList<>();
    private @Nullable String note;

    /** At least {@link #ROWS} rows in every list, one empty row more when all are filled. */
    void pad() {
        padTo(invoices, InvoiceRow::new, r -> r.empty());
        padTo(transport, TransportRow::new, r -> r.empty());
        while (disabilityCodes.size() < ROWS) {
            disabilityCodes.add("");
        }
        padTo(functionLosses, LossRow::new, r -> r.empty());
        padTo(heirs, HeirRow::new, r -> r.empty());
        padTo(children, ChildRow::new, r -> r.empty());
    }

    private static <T> void padTo(List<T> rows, java.util.function.Supplier<T> make, Predicate<T> empty) {
        rows.replaceAll(r -> r == null ? make.get() : r);
        while (rows.size() < ROWS) {
            rows.add(make.get());
        }
        if (rows.stream().noneMatch(empty)) {
            rows.add(make.get());
        }
    }

    Intake toIntake() {
        String k = kind == null ? "" : kind.trim();
        ClaimKind engineKind = null;
        try {
            engineKind = k.equals(DEATH) ? null : ClaimKind.valueOf(k);
        } catch (IllegalArgumentException e) {
            // unknown or empty: the service says so
        }
        boolean death = k.equals(DEATH) || engineKind == ClaimKind.JKK_DEATH || engineKind == ClaimKind.JKM_DEATH;
        boolean scholarship = k.equals(DEATH) || engineKind != null && engineKind.grantsScholarship();
        Map<String, List<Integer>> rows = new LinkedHashMap<>();

        List<ClaimIntake.InvoiceItem> invoiceItems = null;
        if (engineKind == ClaimKind.JKK_MEDICAL || engineKind == ClaimKind.JKK_HOME_CARE) {
            invoiceItems = new ArrayList<>();
            rows.put("invoices", kept(invoices, InvoiceRow::empty));
            for (int i : rows.get("invoices")) {
                InvoiceRow r = invoices.get(i);
                invoiceItems.add(new ClaimIntake.InvoiceItem(r.getDate(), blank(r.getDescription()), r.getAmount()));
            }
        }
        List<ClaimIntake.TransportItem> transportItems = null;
        if (engineKind == ClaimKind.JKK_TRANSPORT) {
            transportItems = new ArrayList<>();
            rows.put("transport", kept(transport, TransportRow::empty));
            for (int i : rows.get("transport")) {
                TransportRow r = transport.get(i);
                transportItems.add(new ClaimIntake.TransportItem(
                        blank(r.getMode()), r.getDate(), blank(r.getDescription()), r.getAmount()));
            }
        }
        List<String> codes = null;
        if (engineKind == ClaimKind.JKK_DISABILITY_PARTIAL_ANATOMICAL) {
            codes = new ArrayList<>();
            rows.put("disabilityCodes", kept(disabilityCodes, c -> c == null || c.isBlank()));
            for (int i : rows.get("disabilityCodes")) {
                codes.add(disabilityCodes.get(i).trim());
            }
        }
        List<ClaimIntake.FunctionLossItem> losses = null;
        if (engineKind == ClaimKind.JKK_DISABILITY_PARTIAL_FUNCTIONAL) {
            losses = new ArrayList<>();
            rows.put("functionLosses", kept(functionLosses, LossRow::empty));
            for (int i : rows.get("functionLosses")) {
                LossRow r = functionLosses.get(i);
                losses.add(new ClaimIntake.FunctionLossItem(blank(r.getCode()), r.getPercentLost()));
            }
        }
        List<ClaimIntake.Heir> heirItems = null;
        if (death) {
            heirItems = new ArrayList<>();
            rows.put("heirs", kept(heirs, HeirRow::empty));
            for (int i : rows.get("heirs")) {
                HeirRow r = heirs.get(i);
                heirItems.add(new ClaimIntake.Heir(
                        blank(r.getName()), blank(r.getRelation()), blank(r.getNik()), blank(r.getBankAccount())));
            }
        }
        List<ClaimIntake.ChildItem> childItems = null;
        if (scholarship) {
            childItems = new ArrayList<>();
            rows.put("children", kept(children, ChildRow::empty));
            for (int i : rows.get("children")) {
                ChildRow r = children.get(i);
                childItems.add(new ClaimIntake.ChildItem(
                        blank(r.getName()),
                        r.getBirthDate(),
                        blank(r.getLevel()),
                        r.getYearInLevel(),
                        r.isMarried(),
                        r.isWorking(),
                        r.isNamed()));
            }
        }
        boolean wageShown = k.equals(DEATH) || engineKind != null && engineKind.wageBased();
        ClaimIntake intake = new ClaimIntake(
                participantId,
                blank(kind),
                blank(cause),
                eventDate,
                invoiceItems,
                engineKind == ClaimKind.JKK_HOME_CARE ? homeCareStart : null,
                transportItems,
                engineKind == ClaimKind.JKK_STMB ? stmbMonths : null,
                codes,
                losses,
                wageShown ? wage : null,
                heirItems,
                childItems,
                blank(note));
        return new Intake(intake, rows);
    }

    private static <T> List<Integer> kept(List<T> list, Predicate<T> empty) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) != null && !empty.test(list.get(i))) {
                kept.add(i);
            }
        }
        return kept;
    }

    public @Nullable Long getParticipantId() {
        return participantId;
    }

    public void setParticipantId(@Nullable Long participantId) {
        this.participantId = participantId;
    }

    public @Nullable String getKind() {
        return kind;
    }

    public void setKind(@Nullable String kind) {
        this.kind = kind;
    }

    public @Nullable String getCause() {
        return cause;
    }

    public void setCause(@Nullable String cause) {
        this.cause = cause;
    }

    public @Nullable LocalDate getEventDate() {
        return eventDate;
    }

    public void setEventDate(@Nullable LocalDate eventDate) {
        this.eventDate = eventDate;
    }

    public List<InvoiceRow> getInvoices() {
        return invoices;
    }

    public void setInvoices(List<InvoiceRow> invoices) {
        this.invoices = invoices;
    }

    public @Nullable LocalDate getHomeCareStart() {
        return homeCareStart;
    }

    public void setHomeCareStart(@Nullable LocalDate homeCareStart) {
        this.homeCareStart = homeCareStart;
    }

    public List<TransportRow> getTransport() {
        return transport;
    }

    public void setTransport(List<TransportRow> transport) {
        this.transport = transport;
    }

    public @Nullable Integer getStmbMonths() {
        return stmbMonths;
    }

    public void setStmbMonths(@Nullable Integer stmbMonths) {
        this.stmbMonths = stmbMonths;
    }

    public List<String> getDisabilityCodes() {
        return disabilityCodes;
    }

    public void setDisabilityCodes(List<String> disabilityCodes) {
        this.disabilityCodes = disabilityCodes;
    }

    public List<LossRow> getFunctionLosses() {
        return functionLosses;
    }

    public void setFunctionLosses(List<LossRow> functionLosses) {
        this.functionLosses = functionLosses;
    }

    public @Nullable Long getWage() {
        return wage;
    }

    public void setWage(@Nullable Long wage) {
        this.wage = wage;
    }

    public List<HeirRow> getHeirs() {
        return heirs;
    }

    public void setHeirs(List<HeirRow> heirs) {
        this.heirs = heirs;
    }

    public List<ChildRow> getChildren() {
        return children;
    }

    public void setChildren(List<ChildRow> children) {
        this.children = children;
    }

    public @Nullable String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note;
    }

    /** The intake as sent, and for each list which form row each sent row came from. */
    record Intake(ClaimIntake intake, Map<String, List<Integer>> rows) {}

    public static class InvoiceRow {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate date;

        private @Nullable String description;
        private @Nullable Long amount;

        boolean empty() {
            return date == null && (description == null || description.isBlank()) && amount == null;
        }

        public @Nullable LocalDate getDate() {
            return date;
        }

        public void setDate(@Nullable LocalDate date) {
            this.date = date;
        }

        public @Nullable String getDescription() {
            return description;
        }

        public void setDescription(@Nullable String description) {
            this.description = description;
        }

        public @Nullable Long getAmount() {
            return amount;
        }

        public void setAmount(@Nullable Long amount) {
            this.amount = amount;
        }
    }

    /** An invoice row with its mode; the mode alone (a select always sends one) does not make a row. */
    public static class TransportRow extends InvoiceRow {
        private @Nullable String mode;

        public @Nullable String getMode() {
            return mode;
        }

        public void setMode(@Nullable String mode) {
            this.mode = mode;
        }
    }

    public static class LossRow {
        private @Nullable String code;
        private @Nullable BigDecimal percentLost;

        boolean empty() {
            return (code == null || code.isBlank()) && percentLost == null;
        }

        public @Nullable String getCode() {
            return code;
        }

        public void setCode(@Nullable String code) {
            this.code = code;
        }

        public @Nullable BigDecimal getPercentLost() {
            return percentLost;
        }

        public void setPercentLost(@Nullable BigDecimal percentLost) {
            this.percentLost = percentLost;
        }
    }

    public static class HeirRow {
        private @Nullable String name;
        private @Nullable String relation;
        private @Nullable String nik;
        private @Nullable String bankAccount;

        /** The relation alone (a select always sends one) does not make a row. */
        boolean empty() {
            return (name == null || name.isBlank())
                    && (nik == null || nik.isBlank())
                    && (bankAccount == null || bankAccount.isBlank());
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable String getRelation() {
            return relation;
        }

        public void setRelation(@Nullable String relation) {
            this.relation = relation;
        }

        public @Nullable String getNik() {
            return nik;
        }

        public void setNik(@Nullable String nik) {
            this.nik = nik;
        }

        public @Nullable String getBankAccount() {
            return bankAccount;
        }

        public void setBankAccount(@Nullable String bankAccount) {
            this.bankAccount = bankAccount;
        }
    }

    public static class ChildRow {
        private @Nullable String name;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate birthDate;

        private @Nullable String level;
        private @Nullable Integer yearInLevel;
        private boolean married;
        private boolean working;
        private boolean named;

        /** Level, year and the checkboxes alone do not make a row: a child has a name or a birth date. */
        boolean empty() {
            return (name == null || name.isBlank()) && birthDate == null;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable LocalDate getBirthDate() {
            return birthDate;
        }

        public void setBirthDate(@Nullable LocalDate birthDate) {
            this.birthDate = birthDate;
        }

        public @Nullable String getLevel() {
            return level;
        }

        public void setLevel(@Nullable String level) {
            this.level = level;
        }

        public @Nullable Integer getYearInLevel() {
            return yearInLevel;
        }

        public void setYearInLevel(@Nullable Integer yearInLevel) {
            this.yearInLevel = yearInLevel;
        }

        public boolean isMarried() {
            return married;
        }

        public void setMarried(boolean married) {
            this.married = married;
        }

        public boolean isWorking() {
            return working;
        }

        public void setWorking(boolean working) {
            this.working = working;
        }

        public boolean isNamed() {
            return named;
        }

        public void setNamed(boolean named) {
            this.named = named;
        }
    }

    static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
