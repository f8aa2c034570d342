package id.lindung.selfservice;

import id.lindung.access.WorkerSessions;
import id.lindung.contribution.BusinessBill;
import id.lindung.enrolment.Sector;
import id.lindung.participant.Business;
import id.lindung.participant.BusinessScale;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.ConflictException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.web.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * An UMKM owner's pages under {@code /saya/usaha} (issue 19 point 5): their businesses and the form to register one;
 * a business with the people added to it (as the owner typed them), its one bill with the breakdown per member and
 * its VA, and the form to add a helper (BPU at once) or propose an employee (PU, confirmed by an officer). Only the
 * signed-in worker's own businesses: any other id is "not found".
 */
@Controller
class BusinessOwnerPages {

    private final WorkerSessions sessions;
    private final ParticipantManagement participants;
    private final BusinessOwners owners;
    private final PageMessages messages;

    BusinessOwnerPages(
            WorkerSessions sessions, ParticipantManagement participants, BusinessOwners owners, PageMessages messages) {
        this.sessions = sessions;
        this.participants = participants;
        this.owners = owners;
        this.messages = messages;
    }

    @GetMapping("/saya/usaha")
    String businesses(Model model) {
        Participant me = WorkerPages.signedIn(sessions, participants);
        return list(me, new BusinessOwners.BusinessForm(null, null, BusinessScale.MIKRO, null, me.regionCode()), model);
    }

    @PostMapping("/saya/usaha")
    String register(
            @ModelAttribute("form") BusinessOwners.BusinessForm form, HttpServletResponse response, Model model) {
        Participant me = WorkerPages.signedIn(sessions, participants);
        try {
            Business b = owners.register(me, form);
            return "redirect:/saya/usaha/" + b.id() + "?terdaftar";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", messages.refusal(e, "selfservice.field."));
            return list(me, form, model);
        }
    }

    private String list(Participant me, BusinessOwners.BusinessForm form, Model model) {
        model.addAttribute("businesses", owners.businesses(me));
        model.addAttribute("form", form);
        model.addAttribute("scales", List.of(BusinessScale.MIKRO, BusinessScale.KECIL));
        return "selfservice/businesses";
    }

    @GetMapping("/saya/usaha/{id}")
    String business(@PathVariable long id, Model model) {
        Participant me = WorkerPages.signedIn(sessions, participants);
        return show(
                me,
                id,
                new BusinessOwners.WorkerForm(BusinessOwners.Kind.HELPER, null, null, Sector.OTHER, null),
                model);
    }

    @PostMapping("/saya/usaha/{id}/pekerja")
    String add(
            @PathVariable long id,
            @ModelAttribute("form") BusinessOwners.WorkerForm form,
            HttpServletResponse response,
            Model model) {
        Participant me = WorkerPages.signedIn(sessions, participants);
        try {
            BusinessOwners.Added added = owners.add(me, id, form);
            if (added == BusinessOwners.Added.LIMITED) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("errors", List.of(messages.message("selfservice.business.limited")));
                return show(me, id, form, model);
            }
            return "redirect:/saya/usaha/" + id
                    + (added == BusinessOwners.Added.ENROLLED ? "?ditambahkan" : "?menunggu");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", messages.refusal(e, "selfservice.field."));
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errors", messages.refusal(e, "selfservice.field."));
        }
        return show(me, id, form, model);
    }

    private String show(Participant me, long id, BusinessOwners.WorkerForm form, Model model) {
        Business business = owners.owned(me, id);
        List<BusinessOwners.Member> members = owners.members(me, id);
        BusinessBill bill = owners.bill(me, id);
        Map<Long, String> labels = new HashMap<>();
        members.stream().filter(m -> m.membershipId() != null).forEach(m -> labels.put(m.membershipId(), m.label()));
        model.addAttribute("business", business);
        model.addAttribute("members", members);
        model.addAttribute("bill", bill);
        model.addAttribute("labels", labels);
        model.addAttribute("owner", me.fullName());
        model.addAttribute("form", form);
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("kinds", BusinessOwners.Kind.values());
        return "selfservice/business";
    }
}
