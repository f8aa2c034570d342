package id.lindung.claim.web;

import id.lindung.access.Signatories;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimIntake;
import id.lindung.claim.internal.BranchOffices;
import id.lindung.claim.letter.DecisionLetter;
import id.lindung.participant.Participant;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.crypto.NikMask;
import id.lindung.shared.web.Formats;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A claim's texts in the reader's language: line and refusal messages (ISO dates among their arguments shown the
 * Indonesian way), and the decision letter's content: the participant's branch office, the officers' full names and
 * positions, the heirs and the account the benefit is paid to.
 */
@Component
class ClaimTexts {

    /**
     * The order in which heirs are paid: spouse, child, parent, sibling, anyone else (the order of heirs of the JKM
     * rules as we read them; the article is UNCONFIRMED, docs/decisions.md).
     */
    private static final List<String> PAYMENT_ORDER = List.of("SPOUSE", "CHILD", "PARENT", "SIBLING");

    private final Clock clock;
    private final MessageSource messages;
    private final RegionDirectory regions;
    private final Formats formats;
    private final BranchOffices offices;
    private final Signatories signatories;

    ClaimTexts(
            Clock clock,
            MessageSource messages,
            RegionDirectory regions,
            Formats formats,
            BranchOffices offices,
            Signatories signatories) {
        this.clock = clock;
        this.messages = messages;
        this.regions = regions;
        this.formats = formats;
        this.offices = offices;
        this.signatories = signatories;
    }

    String message(String key, List<String> args, Locale locale) {
        Object[] shown = args.stream().map(this::shown).toArray();
        return Objects.requireNonNull(messages.getMessage(key, shown, key, locale));
    }

    String message(String key, Locale locale) {
        return Objects.requireNonNull(messages.getMessage(key, null, key, locale));
    }

    private Object shown(String arg) {
        if (arg.length() == 10 && arg.charAt(4) == '-' && arg.charAt(7) == '-') {
            try {
                return formats.date(LocalDate.parse(arg));
            } catch (DateTimeParseException e) {
                return arg;
            }
        }
        return arg;
    }

    /** NIK with only the kab/kota prefix and the last four digits visible. */
    static String masked(String nik) {
        if (nik.length() < 10) {
            return "****";
        }
        return nik.substring(0, 4) + "*".repeat(nik.length() - 8) + nik.substring(nik.length() - 4);
    }

    DecisionLetter letter(Claim c, Participant p, Locale locale) {
        boolean approved =
                c.status() == id.lindung.claim.ClaimStatus.APPROVED || c.status() == id.lindung.claim.ClaimStatus.PAID;
        List<DecisionLetter.Line> lines = approved
                ? c.lines().stream()
                        .filter(l -> !l.code().equals("JKK_LATE_PAYMENT"))
                        .map(l -> new DecisionLetter.Line(
                                message(l.messageKey(), l.args(), locale), l.formula(), l.legalBasis(), l.amount()))
                        .toList()
                : List.of();
        long total = lines.stream().mapToLong(DecisionLetter.Line::amount).sum();
        String reason = approved ? null : rejection(c, locale);
        LocalDate decidedOn = c.decidedAt() == null
                ? LocalDate.now(clock)
                : c.decidedAt().atZone(clock.getZone()).toLocalDate();
        String decider = c.firstApprover() != null ? c.firstApprover() : String.valueOf(c.decidedBy());
        String second = c.firstApprover() != null ? c.decidedBy() : null;
        boolean bpjsPays = approved && !c.employerPays();
        return new DecisionLetter(
                c.claimNumber(),
                p.fullName(),
                masked(p.nik()),
                regions.nameOf(
                        c.regionCode().substring(0, Math.min(5, c.regionCode().length()))),
                message("claim.kind." + c.kind(), locale),
                message("claim.cause." + c.cause(), locale),
                c.eventDate(),
                approved,
                lines,
                total,
                reason,
                approved || c.refusal() == null ? null : c.refusal().legalBasis(),
                fullName(decider),
                second == null ? null : fullName(second),
                decidedOn,
                c.kind().startsWith("JKK") && !c.employerPays() ? c.dueDate() : null,
                c.unconfirmedRules(),
                offices.officeOf(p.regionCode()),
                children(c, locale),
                approved && c.employerLiability() != null
                        ? message(
                                "claim.employer-liable." + c.employerLiability().reason(),
                                List.of(
                                        c.employerLiability().employer() == null
                                                ? "-"
                                                : c.employerLiability().employer()),
                                locale)
                        : null,
                approved && c.employerLiability() != null
                        ? c.employerLiability().legalBasis()
                        : null,
                position(decider, locale),
                second == null ? null : position(second, locale),
                heirs(c, bpjsPays, locale));
    }

    /** The full name on record, or the username when there is no such user (e.g. {@code system}). */
    private String fullName(String username) {
        return signatories.of(username).map(Signatories.Signatory::fullName).orElse(username);
    }

    /** The position (jabatan) on record, else the role's label; null for no such user. */
    private @Nullable String position(String username, Locale locale) {
        return signatories
                .of(username)
                .map(s -> s.position() != null && !s.position().isBlank()
                        ? s.position()
                        : message("role." + s.role().name(), locale))
                .orElse(null);
    }

    /**
     * The heirs of the claim as its reader got it (bank account cut to its last digits for those who do not see
     * identities), NIK masked for everyone: the letter leaves Lindung. {@code bpjsPays}: mark the payee.
     */
    private List<DecisionLetter.Heir> heirs(Claim c, boolean bpjsPays, Locale locale) {
        List<ClaimIntake.Heir> heirs = heirsOf(c);
        int payee = bpjsPays ? payeeIndex(heirs) : -1;
        List<DecisionLetter.Heir> shown = new java.util.ArrayList<>();
        for (int i = 0; i < heirs.size(); i++) {
            ClaimIntake.Heir h = heirs.get(i);
            shown.add(new DecisionLetter.Heir(
                    Objects.toString(h.name(), "-").strip(),
                    h.relation() == null ? "-" : message("relation." + h.relation(), locale),
                    h.nik() == null || h.nik().isBlank()
                            ? "-"
                            : Objects.requireNonNull(NikMask.mask(h.nik().strip())),
                    h.bankAccount() == null ? "" : h.bankAccount().strip(),
                    i == payee));
        }
        return shown;
    }

    /** The intake's heirs that have a name or an account (blank rows left out). */
    static List<ClaimIntake.Heir> heirsOf(Claim c) {
        List<ClaimIntake.Heir> heirs = c.intake().heirs();
        return heirs == null
                ? List.of()
                : heirs.stream()
                        .filter(Objects::nonNull)
                        .filter(h -> !blank(h.name()) || !blank(h.bankAccount()))
                        .toList();
    }

    /**
     * The heir whose account the benefit is paid to: the first with a bank account in {@link #PAYMENT_ORDER}, at
     * intake order among equals; -1 when no heir has an account.
     */
    static int payeeIndex(List<ClaimIntake.Heir> heirs) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < heirs.size(); i++) {
            ClaimIntake.Heir h = heirs.get(i);
            if (blank(h.bankAccount())) {
                continue;
            }
            int rank = h.relation() == null ? -1 : PAYMENT_ORDER.indexOf(h.relation());
            rank = rank < 0 ? PAYMENT_ORDER.size() : rank;
            if (rank < bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /**
     * Every child of the intake, in its order: those with a plan (and why: chosen at intake, or the default rule),
     * then the reason each other one gets none (its own rule, or the claim's when it opens no scholarship).
     */
    private List<DecisionLetter.ChildLine> children(Claim c, Locale locale) {
        List<id.lindung.claim.ClaimIntake.ChildItem> items = c.intake().children();
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        String chosenWhy = c.scholarshipChoice() == null
                ? ""
                : message("claim.scholarship.choice." + c.scholarshipChoice(), locale);
        String general = c.scholarshipNotes().stream()
                .filter(n -> n.childName() == null)
                .map(n -> message(n.messageKey(), n.args(), locale))
                .findFirst()
                .orElse(null);
        List<DecisionLetter.ChildLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String id = "child-" + (i + 1);
            String given = items.get(i).name();
            String name = given == null ? id : given.trim();
            long planned = c.scholarship().stream()
                    .filter(y -> y.childId().equals(id))
                    .mapToLong(Claim.ScholarshipYear::amount)
                    .sum();
            boolean chosen = c.scholarship().stream().anyMatch(y -> y.childId().equals(id));
            String why = chosen
                    ? chosenWhy
                    : c.scholarshipNotes().stream()
                            .filter(n -> name.equals(n.childName()))
                            .map(n -> message(n.messageKey(), n.args(), locale))
                            .findFirst()
                            .orElse(general == null ? message("letter.children.noPlan", locale) : general);
            lines.add(new DecisionLetter.ChildLine(name, chosen, why, planned));
        }
        return lines;
    }

    private @Nullable String rejection(Claim c, Locale locale) {
        String reason = c.rejectionReason();
        if (c.refusal() != null) {
            String rule = message(c.refusal().messageKey(), c.refusal().args(), locale);
            return reason == null || reason.isBlank() ? rule : reason + " — " + rule;
        }
        return reason;
    }
}
