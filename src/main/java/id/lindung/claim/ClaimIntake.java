package id.lindung.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A claim as taken in (API and form). {@code kind}: one of the engine's claim kinds, or {@code DEATH} (the cause
 * then decides: a work accident or occupational disease is a JKK death, anything else a JKM death). Only the
 * details of the kind are read: invoices (medical care, home care with {@code homeCareStart}), transport costs,
 * {@code stmbMonths}, disability codes or function losses. {@code wage}: the monthly wage to use when the
 * membership has none on record (construction workers paid by contract value); otherwise the wage or declared
 * income in force on the event date applies. Heirs and children for death and total disability claims.
 */
public record ClaimIntake(
        @Nullable Long participantId,
        @Nullable String kind,
        @Nullable String cause,
        @Nullable LocalDate eventDate,
        @Nullable List<InvoiceItem> invoices,
        @Nullable LocalDate homeCareStart,
        @Nullable List<TransportItem> transport,
        @Nullable Integer stmbMonths,
        @Nullable List<String> disabilityCodes,
        @Nullable List<FunctionLossItem> functionLosses,
        @Nullable Long wage,
        @Nullable List<Heir> heirs,
        @Nullable List<ChildItem> children,
        @Nullable String note) {

    public record InvoiceItem(
            @Nullable LocalDate date,
            @Nullable String description,
            @Nullable Long amount) {}

    /** {@code mode}: LAND, SEA or AIR. */
    public record TransportItem(
            @Nullable String mode,
            @Nullable LocalDate date,
            @Nullable String description,
            @Nullable Long amount) {}

    public record FunctionLossItem(
            @Nullable String code, @Nullable BigDecimal percentLost) {}

    /** {@code relation}: SPOUSE, CHILD, PARENT, OTHER. */
    public record Heir(
            @Nullable String name,
            @Nullable String relation,
            @Nullable String nik,
            @Nullable String bankAccount) {}

    /**
     * {@code level}: TK, SD, SMP, SMA, PT (university or training), empty when not yet in school; {@code yearInLevel}
     * the school year in progress (1 = first). {@code named}: the heirs chose this child for the scholarship.
     */
    public record ChildItem(
            @Nullable String name,
            @Nullable LocalDate birthDate,
            @Nullable String level,
            @Nullable Integer yearInLevel,
            boolean married,
            boolean working,
            boolean named) {}
}
