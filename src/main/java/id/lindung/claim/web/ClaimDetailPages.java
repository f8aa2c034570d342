package id.lindung.claim.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentUser;
import id.lindung.access.Disclosure;
import id.lindung.access.LindungUser;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimIntake;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.benefit.EducationLevel;
import id.lindung.claim.benefit.ScholarshipPlanner;
import id.lindung.claim.workflow.ClaimAction.Kind;
import id.lindung.claim.workflow.ClaimRule;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.crypto.NikMask;
import id.lindung.shared.web.Formats;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The claim page ({@code /klaim/{id}}): facts, breakdown with legal basis or the refusal, heirs and the account
 * paid to (bank accounts in full only to officers and administrators), scholarship plan, documents, history, and
 * the forms of exactly the steps the workflow offers the user ({@link ClaimManagement#steps}); on an approved or
 * paid claim that grants scholarships, the years paid and the yearly scholarship form.
 */
@Controller
class ClaimDetailPages {

    private final ClaimManagement claims;
    private final ParticipantManagement participants;
    private final ClaimTexts texts;
    private final CurrentUser currentUser;
    private final Formats formats;
    private final Clock clock;
    private final AuditTrail audit;

    ClaimDetailPages(
            ClaimManagement claims,
            ParticipantManagement participants,
            ClaimTexts texts,
            CurrentUser currentUser,
            Formats formats,
            Clock clock,
            AuditTrail audit) {
        this.claims = claims;
        this.participants = participants;
        this.texts = texts;
        this.currentUser = currentUser;
        this.formats = formats;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping("/klaim/{id:\\d+}")
    String claim(@PathVariable long id, Model model) {
        LindungUser me = currentUser.require();
        Claim c = claims.get(ClaimId.ofRequest(id), me);
        List<HeirView> heirs = heirs(c);
        audit.recordRead(
                AuditTrail.CLAIM_VIEWED,
                "claim",
                Long.toString(id),
                c.regionCode(),
                withHeirsShown(Map.of("view", "page"), heirs.size(), true, me));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("heirs", heirs);
        model.addAttribute("c", c);
        model.addAttribute("participant", participantOf(c, me));
        model.addAttribute(
                "protectionReason",
                c.member().protectionReason().isBlank()
                        ? ""
                        : texts.message(c.member().protectionReason(), locale));
        model.addAttribute(
                "lines",
                c.lines().stream()
                        .map(l -> new LineView(
                                l.lineNo(),
                                l.code(),
                                texts.message(l.messageKey(), l.args(), locale),
                                l.formula(),
                                l.legalBasis(),
                                l.amount(),
                                l.unconfirmed(),
                                l.ruleRefs()))
                        .toList());
        model.addAttribute(
                "refusal",
                c.refusal() == null
                        ? null
                        : texts.message(c.refusal().messageKey(), c.refusal().args(), locale));
        model.addAttribute("children", scholarship(c));
        model.addAttribute(
                "scholarshipTotal",
                c.scholarship().stream()
                        .mapToLong(Claim.ScholarshipYear::amount)
                        .sum());
        model.addAttribute(
                "notes",
                c.scholarshipNotes().stream()
                        .map(n -> new NoteView(
                                n.childName(), texts.message(n.messageKey(), n.args(), locale), n.legalBasis()))
                        .toList());
        model.addAttribute("documentTypes", ClaimManagement.DOCUMENT_TYPES);
        model.addAttribute("documentMaxMb", Math.max(1, claims.documentMaxBytes() / (1024 * 1024)));
        ClaimManagement.Steps steps = claims.steps(c, me); // the workflow's: page and API agree by construction
        model.addAttribute("mayOpenDocuments", Disclosure.seesHealthDetails(me));
        model.addAttribute("canUpload", steps.offers(Kind.ADD_DOCUMENT));
        model.addAttribute("canAssign", steps.offers(Kind.ASSIGN));
        model.addAttribute("canVerify", steps.offers(Kind.VERIFY));
        model.addAttribute("verifyWaitsForDocuments", steps.waitsOnlyFor(Kind.VERIFY, ClaimRule.NO_DOCUMENTS));
        model.addAttribute("canApprove", steps.offers(Kind.APPROVE));
        model.addAttribute(
                "firstApprovalMine",
                c.status() == ClaimStatus.AWAITING_SECOND && me.username().equals(c.firstApprover()));
        model.addAttribute("needsSecond", steps.secondApprovalNeeded());
        model.addAttribute("threshold", claims.fourEyesThreshold());
        model.addAttribute("canReject", steps.offers(Kind.REJECT));
        model.addAttribute("canPay", steps.offers(Kind.PAY));
        model.addAttribute("choosableChildren", steps.offers(Kind.CHOOSE_CHILDREN) ? choosable(c) : List.of());
        model.addAttribute("canCorrectDeath", steps.offers(Kind.CORRECT_DEATH));
        model.addAttribute(
                "caseTotal",
                c.total()
                        + c.caseClaims().stream()
                                .filter(o -> o.status() != ClaimStatus.REJECTED)
                                .mapToLong(Claim.CaseClaim::total)
                                .sum());
        model.addAttribute(
                "chosenWhy",
                c.scholarshipChoice() == null
                        ? null
                        : texts.message("claim.scholarship.choice." + c.scholarshipChoice(), locale));
        model.addAttribute("decisionRequired", steps.offers(Kind.REJECT)); // an open claim, someone who decides
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute(
                "rejectReason",
                c.refusal() == null
                        ? ""
                        : texts.message(c.refusal().messageKey(), c.refusal().args(), locale));
        boolean scholarshipYears = steps.offers(Kind.SCHOLARSHIP_YEAR);
        model.addAttribute("canScholarshipYear", scholarshipYears);
        model.addAttribute("scholarshipChildren", scholarshipYears ? intakeChildren(c) : List.of());
        model.addAttribute("scholarshipLevels", EducationLevel.values());
        model.addAttribute("currentSchoolYear", ScholarshipPlanner.schoolYearOf(LocalDate.now(clock)));
        return "claim/detail";
    }

    /**
     * The heirs for the section "Ahli waris dan pembayaran": as the claim was disclosed to the reader (bank account
     * in full for officers and administrators, its last four digits for agents), the NIK masked for everyone, and
     * who is paid when BPJS pays an approved claim ({@link ClaimTexts#payeeIndex}).
     */
    static List<HeirView> heirs(Claim c) {
        List<ClaimIntake.Heir> items = ClaimTexts.heirsOf(c);
        int payee = c.status() != ClaimStatus.REJECTED && !c.employerPays() ? ClaimTexts.payeeIndex(items) : -1;
        List<HeirView> heirs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ClaimIntake.Heir h = items.get(i);
            heirs.add(new HeirView(
                    h.name() == null ? "–" : h.name().strip(),
                    h.relation() == null ? "" : h.relation(),
                    h.nik() == null || h.nik().isBlank()
                            ? "–"
                            : String.valueOf(NikMask.mask(h.nik().strip())),
                    h.bankAccount() == null || h.bankAccount().isBlank()
                            ? "–"
                            : h.bankAccount().strip(),
                    i == payee));
        }
        return heirs;
    }

    /**
     * The details of a read audit line for a view that shows {@code heirs} heirs: how many, and when their bank
     * accounts are shown ({@code accountsShown}), whether in full or cut to the last four digits for {@code reader}.
     * Shared by the claim page and the decision letter, which show the same accounts to the same readers.
     */
    static Map<String, Object> withHeirsShown(
            Map<String, Object> details, int heirs, boolean accountsShown, LindungUser reader) {
        if (heirs == 0) {
            return details;
        }
        Map<String, Object> shown = new LinkedHashMap<>(details);
        shown.put("heirs", heirs);
        if (accountsShown) {
            shown.put("bankAccounts", Disclosure.seesIdentity(reader) ? "full" : "last-four");
        }
        return shown;
    }

    /** A heir as the claim page shows it; {@code relation} the code (SPOUSE, …) or empty. */
    public record HeirView(String name, String relation, String nikMasked, String bankAccount, boolean payee) {}

    private @Nullable Participant participantOf(Claim c, LindungUser me) {
        try {
            return participants.get(ParticipantId.of(c.participantId()), me);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The intake's children with their ids: {@code child-1}, {@code child-2}, … by position. */
    static List<Option> intakeChildren(Claim c) {
        List<ClaimIntake.ChildItem> items = c.intake().children();
        List<Option> children = new ArrayList<>();
        if (items == null) {
            return children;
        }
        for (int i = 0; i < items.size(); i++) {
            ClaimIntake.ChildItem item = items.get(i);
            if (item != null && item.name() != null && !item.name().isBlank()) {
                children.add(new Option("child-" + (i + 1), item.name().trim()));
            }
        }
        return children;
    }

    /** The intake's children for the officer's choice: id, name with birth date, and whether chosen now. */
    private List<Choosable> choosable(Claim c) {
        List<ClaimIntake.ChildItem> items = c.intake().children();
        List<Choosable> children = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            ClaimIntake.ChildItem item = items.get(i);
            children.add(new Choosable(
                    "child-" + (i + 1),
                    String.valueOf(item.name()),
                    item.birthDate() == null ? "" : formats.date(item.birthDate()),
                    item.named()));
        }
        return children;
    }

    public record Choosable(String id, String name, String birthDate, boolean chosen) {}

    private static List<ChildPlan> scholarship(Claim c) {
        Map<String, List<Claim.ScholarshipYear>> byChild = new LinkedHashMap<>();
        for (Claim.ScholarshipYear y : c.scholarship()) {
            byChild.computeIfAbsent(y.childId(), k -> new ArrayList<>()).add(y);
        }
        return byChild.values().stream()
                .map(years -> new ChildPlan(
                        years.get(0).childName(),
                        years,
                        years.stream().mapToLong(Claim.ScholarshipYear::amount).sum()))
                .toList();
    }

    public record LineView(
            int lineNo,
            String code,
            String label,
            String formula,
            String legalBasis,
            long amount,
            boolean unconfirmed,
            String ruleRefs) {}

    public record ChildPlan(String name, List<Claim.ScholarshipYear> years, long total) {}

    public record NoteView(@Nullable String childName, String text, String legalBasis) {}
}
