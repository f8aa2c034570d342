package id.lindung.claim.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.benefit.BenefitRules;
import id.lindung.claim.benefit.ClaimKind;
import id.lindung.claim.benefit.DisabilityRow;
import id.lindung.claim.benefit.EducationLevel;
import id.lindung.claim.benefit.EventCause;
import id.lindung.claim.benefit.TransportMode;
import id.lindung.claim.workflow.ClaimWorkflow;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.RelationType;
import id.lindung.participant.Relative;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.Indonesian;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.web.FormPosts;
import id.lindung.shared.web.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The claim intake ({@code /klaim/baru?peserta=}): the form, with the worker's heirs and children from the registry
 * as its first rows, and its submission; a refusal comes back next to the field it names, the rows as they were.
 */
@Controller
class ClaimIntakePages {

    private static final Set<String> FORM_FIELDS = Set.of(
            "kind",
            "cause",
            "eventDate",
            "homeCareStart",
            "stmbMonths",
            "wage",
            "note",
            "invoices",
            "transport",
            "disabilityCodes",
            "functionLosses",
            "heirs",
            "children");
    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)\\](.*)$");

    private final ClaimWorkflow workflow;
    private final ClaimManagement claims;
    private final ParticipantManagement participants;
    private final BenefitRules rules;
    private final CurrentUser currentUser;
    private final PageMessages messages;
    private final Clock clock;

    ClaimIntakePages(
            ClaimManagement claims,
            ParticipantManagement participants,
            BenefitRules rules,
            CurrentUser currentUser,
            PageMessages messages,
            Clock clock,
            ClaimWorkflow workflow) {
        this.workflow = workflow;
        this.claims = claims;
        this.participants = participants;
        this.rules = rules;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/klaim/baru")
    String newClaim(
            @RequestParam(name = "peserta", required = false) @Nullable Long participantId,
            Model model,
            RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        if (!workflow.mayTakeIn(me)) {
            // the intake form (with the worker's family) only for those who may take a claim in, as the queue
            throw new ForbiddenException("claim.role.intake", me.role().name());
        }
        if (participantId == null) {
            redirect.addFlashAttribute(
                    "flashWarnings", List.of(messages.message("claim.page.intake.chooseParticipant")));
            return "redirect:/peserta";
        }
        ParticipantId participant = ParticipantId.ofRequest(participantId);
        Participant p = participants.get(participant, me);
        ClaimForm form = new ClaimForm();
        form.setParticipantId(participantId);
        prefillFamily(
                form,
                participants.relatives(participant, me).stream()
                        .map(r -> r.disclosedTo(me))
                        .toList());
        return intakePage(model, form, p);
    }

    @PostMapping("/klaim/baru")
    String submit(
            @ModelAttribute("claimForm") ClaimForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        LindungUser me = currentUser.require();
        if (form.getParticipantId() == null) {
            return "redirect:/peserta";
        }
        Participant p = participants.get(ParticipantId.ofRequest(form.getParticipantId()), me);
        if (binding.hasErrors()) {
            return intakePage(model, form, p);
        }
        ClaimForm.Intake intake = form.toIntake();
        try {
            Claim claim = claims.submit(intake.intake(), me);
            redirect.addFlashAttribute(
                    "flashMessage", messages.message("claim.page.done.submitted", claim.claimNumber()));
            return "redirect:/klaim/" + claim.id();
        } catch (InvalidInputException e) {
            for (FieldIssue issue : e.issues()) {
                if (issue.isError()) {
                    reject(binding, issue, intake);
                }
            }
            return intakePage(model, form, p);
        } catch (ForbiddenException e) {
            FormPosts.forbidden(binding, e, response);
            return intakePage(model, form, p);
        } catch (ConflictException e) {
            // a second death of the person: next to the kind of claim, naming the first claim's number
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            binding.rejectValue("kind", e.code(), e.args(), e.code());
            return intakePage(model, form, p);
        }
    }

    /** Puts an issue next to its field, the row numbers translated back from the rows sent to the form's rows. */
    private static void reject(BindingResult binding, FieldIssue issue, ClaimForm.Intake intake) {
        String field = issue.field(); // the service names intake fields (IntakeReader.intakeField)
        Matcher m = INDEXED.matcher(field);
        if (m.matches()) {
            List<Integer> rows = intake.rows().get(m.group(1));
            int sent = Integer.parseInt(m.group(2));
            String rest = m.group(3);
            if (m.group(1).equals("functionLosses") && rest.isEmpty()) {
                rest = ".code"; // the engine names the row for a code it does not know
            }
            if (rows != null
                    && sent < rows.size()
                    && (!rest.isEmpty() || m.group(1).equals("disabilityCodes"))) {
                field = m.group(1) + "[" + rows.get(sent) + "]" + rest;
            } else {
                field = m.group(1);
            }
        }
        String root = field.replaceAll("[\\[.].*$", "");
        if (FORM_FIELDS.contains(root)) {
            binding.rejectValue(field, issue.code(), issue.args().toArray(), issue.code());
        } else {
            binding.reject(issue.code(), issue.args().toArray(), issue.code());
        }
    }

    private String intakePage(Model model, ClaimForm form, Participant p) {
        form.pad();
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        List<String> kinds = new ArrayList<>();
        kinds.add(ClaimForm.DEATH);
        for (ClaimKind k : ClaimKind.values()) {
            kinds.add(k.name());
        }
        List<Option> disability = rules.disabilityTable(LocalDate.now(clock)).stream()
                .map(r -> new Option(
                        r.code(), (english ? r.bodyPartEn() : r.bodyPartId()) + " (" + pct(r, english) + ")"))
                .toList();
        model.addAttribute("claimForm", form);
        model.addAttribute("participant", p);
        model.addAttribute("kinds", kinds);
        model.addAttribute("causes", EventCause.values());
        model.addAttribute("modes", TransportMode.values());
        model.addAttribute("levels", EducationLevel.values());
        model.addAttribute("relations", List.of("SPOUSE", "CHILD", "PARENT", "OTHER"));
        model.addAttribute("disabilityOptions", disability);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("kindsWithInvoices", "JKK_MEDICAL JKK_HOME_CARE");
        model.addAttribute("kindsWithWage", kindsWhere(k -> k.wageBased()));
        model.addAttribute("kindsWithHeirs", ClaimForm.DEATH + " JKK_DEATH JKM_DEATH");
        model.addAttribute("kindsWithChildren", kindsWhere(ClaimKind::grantsScholarship));
        return "claim/form";
    }

    private static String kindsWhere(Predicate<ClaimKind> test) {
        StringBuilder s = new StringBuilder(ClaimForm.DEATH);
        for (ClaimKind k : ClaimKind.values()) {
            if (test.test(k)) {
                s.append(' ').append(k.name());
            }
        }
        return s.toString();
    }

    private static String pct(DisabilityRow row, boolean english) {
        return (english ? row.percent().stripTrailingZeros().toPlainString() : Indonesian.plain(row.percent())) + "%";
    }

    /**
     * Heirs and children from the registry as the first rows: the officer corrects rather than retypes. As the user
     * may see them: an agent gets names and relations, and types NIKs and birth dates from the family card.
     */
    private static void prefillFamily(ClaimForm form, List<Relative> relatives) {
        for (Relative r : relatives) {
            if (r.heir()) {
                ClaimForm.HeirRow h = new ClaimForm.HeirRow();
                h.setName(r.fullName());
                h.setRelation(
                        r.relation() == RelationType.SIBLING
                                ? "OTHER"
                                : r.relation().name());
                h.setNik(r.nik() == null || r.nik().contains("*") ? null : r.nik());
                form.getHeirs().add(h);
            }
            if (r.relation() == RelationType.CHILD) {
                ClaimForm.ChildRow c = new ClaimForm.ChildRow();
                c.setName(r.fullName());
                c.setBirthDate(r.birthDate());
                form.getChildren().add(c);
            }
        }
    }
}
