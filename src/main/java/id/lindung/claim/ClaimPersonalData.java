package id.lindung.claim;

import id.lindung.participant.ParticipantId;
import id.lindung.privacy.DataReport.Entry;
import id.lindung.privacy.DataReportDraft;
import id.lindung.privacy.PersonalDataHolder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Claims in a participant's data report: each claim (kind, event date, status, total), its health details (cause,
 * care invoices, incapacity, disability), the heirs (their NIKs and bank accounts masked to the last four digits:
 * they are the heirs' personal data, not the subject's), the children of a scholarship and the documents, with who
 * submitted or uploaded them.
 */
@Component
class ClaimPersonalData implements PersonalDataHolder {

    private final ClaimManagement claims;

    ClaimPersonalData(ClaimManagement claims) {
        this.claims = claims;
    }

    @Override
    public List<String> sections() {
        return List.of("claims");
    }

    @Override
    public void contribute(DataReportDraft r) {
        List<Claim> held = claims.ofParticipant(ParticipantId.of(r.subject().participantId()), r.by());
        r.trail("claim", held.stream().map(c -> Long.toString(c.id())).toList());
        List<Entry> entries = new ArrayList<>();
        for (Claim c : held) {
            String submitted = r.entered(c.submittedBy(), c.submittedAt());
            LocalDate since = r.date(c.submittedAt());
            entries.add(new Entry(
                    r.msg("privacy.field.claim", c.claimNumber()),
                    r.label("claim.kind." + c.kind(), c.kind()) + " · "
                            + r.fmt().date(c.eventDate()) + " · " + c.status().name() + " · "
                            + r.fmt().rupiah(c.total()),
                    submitted,
                    since));
            String health = health(c.intake(), r);
            if (!health.isEmpty()) {
                entries.add(new Entry(r.msg("privacy.field.health", c.claimNumber()), health, submitted, since));
            }
            for (ClaimIntake.Heir h : nonNull(c.intake().heirs())) {
                List<String> parts = new ArrayList<>();
                parts.add(Objects.toString(h.name(), "–")
                        + (h.relation() == null ? "" : " (" + r.label("relation." + h.relation(), h.relation()) + ")"));
                if (h.nik() != null && !h.nik().isBlank()) {
                    parts.add(r.msg("field.nik") + " " + masked(h.nik()));
                }
                if (h.bankAccount() != null && !h.bankAccount().isBlank()) {
                    parts.add(r.msg("privacy.field.bankAccount", masked(h.bankAccount())));
                }
                entries.add(new Entry(
                        r.msg("privacy.field.heir", c.claimNumber()), String.join(", ", parts), submitted, since));
            }
            for (ClaimIntake.ChildItem child : nonNull(c.intake().children())) {
                entries.add(new Entry(
                        r.msg("privacy.field.child", c.claimNumber()),
                        Objects.toString(child.name(), "–")
                                + (child.birthDate() == null
                                        ? ""
                                        : ", " + r.fmt().date(child.birthDate()))
                                + (child.level() == null || child.level().isBlank() ? "" : ", " + child.level()),
                        submitted,
                        since));
            }
            for (Claim.Document d : c.documents()) {
                entries.add(new Entry(
                        r.msg("privacy.field.document", c.claimNumber()),
                        r.label("claim.page.doc." + d.documentType(), d.documentType()) + ": " + d.fileName(),
                        r.msg("privacy.source.uploaded", d.uploadedBy(), r.fmt().dateTime(d.uploadedAt())),
                        r.date(d.uploadedAt())));
            }
        }
        r.section("claims", held.isEmpty() ? null : r.msg("privacy.specific.claims"), "claims", entries);
    }

    /** The health details of an intake as one line: cause, care invoices, disability, incapacity. */
    private static String health(ClaimIntake in, DataReportDraft r) {
        List<String> parts = new ArrayList<>();
        if (in.cause() != null) {
            parts.add(r.label("claim.cause." + in.cause(), in.cause()));
        }
        List<ClaimIntake.InvoiceItem> invoices = nonNull(in.invoices());
        if (!invoices.isEmpty()) {
            parts.add(r.msg(
                    "privacy.field.invoices",
                    invoices.size(),
                    r.fmt()
                            .rupiah(invoices.stream()
                                    .map(ClaimIntake.InvoiceItem::amount)
                                    .filter(Objects::nonNull)
                                    .mapToLong(Long::longValue)
                                    .sum())));
        }
        if (in.stmbMonths() != null) {
            parts.add(r.msg("privacy.field.stmb", in.stmbMonths()));
        }
        List<String> codes = nonNull(in.disabilityCodes());
        if (!codes.isEmpty()) {
            parts.add(r.msg("privacy.field.disability", String.join(", ", codes)));
        }
        if (!nonNull(in.functionLosses()).isEmpty()) {
            parts.add(r.msg(
                    "privacy.field.functionLoss",
                    Objects.requireNonNull(in.functionLosses()).size()));
        }
        return String.join(" · ", parts);
    }

    private static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    /** The last four characters, the rest as asterisks. */
    static String masked(String value) {
        String v = value.trim();
        return v.length() <= 4 ? "****" : "*".repeat(Math.min(8, v.length() - 4)) + v.substring(v.length() - 4);
    }
}
