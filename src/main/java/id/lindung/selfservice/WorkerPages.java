package id.lindung.selfservice;

import id.lindung.access.LindungUser;
import id.lindung.access.WorkerSessions;
import id.lindung.contribution.Dues;
import id.lindung.contribution.MembershipCard;
import id.lindung.contribution.MembershipCards;
import id.lindung.contribution.MembershipStatus;
import id.lindung.contribution.Statement;
import id.lindung.contribution.Statements;
import id.lindung.contribution.VirtualAccounts;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.outreach.Channel;
import id.lindung.outreach.Outbox;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.crypto.NikMask;
import id.lindung.shared.web.Formats;
import id.lindung.shared.web.QrCodes;
import id.lindung.shared.web.XhtmlPdf;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;

/**
 * A signed-in worker's own pages (issue 19): the profile with the NIK and phone masked, each membership with its
 * protection today, what is owed now with the virtual account to pay it to, a membership's bills, its digital card
 * (page and PDF, signed by contribution's {@link MembershipCards}) and the reminders' opt-out. Only the participant of
 * the session: nothing here takes a participant id, and a membership of anyone else is "not found".
 */
@Controller
class WorkerPages {

    /** One membership on the worker's page. {@code protectedUntil}: the last covered day, null when not protected. */
    record Row(
            Membership membership,
            MembershipStatus status,
            @Nullable LocalDate protectedUntil,
            long owed,
            String virtualAccount) {}

    private final WorkerSessions sessions;
    private final ParticipantManagement participants;
    private final EnrolmentManagement enrolment;
    private final Statements statements;
    private final Dues dues;
    private final VirtualAccounts accounts;
    private final RegionDirectory regions;
    private final MembershipCards cards;
    private final Outbox outbox;
    private final ITemplateEngine templates;
    private final Formats formats;
    private final Clock clock;

    WorkerPages(
            WorkerSessions sessions,
            ParticipantManagement participants,
            EnrolmentManagement enrolment,
            Statements statements,
            Dues dues,
            VirtualAccounts accounts,
            RegionDirectory regions,
            MembershipCards cards,
            Outbox outbox,
            ITemplateEngine templates,
            Formats formats,
            Clock clock) {
        this.sessions = sessions;
        this.participants = participants;
        this.enrolment = enrolment;
        this.statements = statements;
        this.dues = dues;
        this.accounts = accounts;
        this.regions = regions;
        this.cards = cards;
        this.outbox = outbox;
        this.templates = templates;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/saya")
    String home(Model model) {
        Participant me = me();
        LindungUser actor = WorkerAccounts.actor(me);
        List<Row> rows = sessions.actingAs(actor, () -> {
            List<Row> list = new ArrayList<>();
            for (Membership m : enrolment.membershipsOf(new ParticipantId(me.id()), actor)) {
                list.add(row(m, actor));
            }
            return list;
        });
        model.addAttribute("worker", me);
        model.addAttribute("maskedNik", NikMask.mask(me.nik()));
        model.addAttribute("maskedPhone", maskPhone(me.phone()));
        model.addAttribute("desa", regions.nameOf(me.regionCode()));
        model.addAttribute("rows", rows);
        model.addAttribute("reminders", remindersGoOut(me.phone()));
        return "selfservice/home";
    }

    @GetMapping("/saya/kepesertaan/{id}")
    String membership(@PathVariable long id, Model model) {
        Participant me = me();
        LindungUser actor = WorkerAccounts.actor(me);
        sessions.actingAs(actor, () -> {
            Membership m = own(id, me, actor);
            Statement statement = statements.statement(MembershipId.of(m.id()), LocalDate.now(clock), actor);
            model.addAttribute("row", row(m, actor));
            model.addAttribute("statement", statement);
            return m;
        });
        model.addAttribute("worker", me);
        return "selfservice/membership";
    }

    /** "Kartu saya": the card of one of the worker's own memberships, signed now (audited as issued). */
    @GetMapping("/saya/kepesertaan/{id}/kartu")
    String card(@PathVariable long id, Model model) {
        MembershipCard card = ownCard(id, "page");
        model.addAttribute("card", card);
        model.addAttribute("qr", QrCodes.dataUri(verifyUrl(card)));
        return "selfservice/card";
    }

    /** The same card as a PDF (contribution's card layout). */
    @GetMapping("/saya/kepesertaan/{id}/kartu.pdf")
    ResponseEntity<byte[]> cardPdf(@PathVariable long id) {
        MembershipCard card = ownCard(id, "pdf");
        String xhtml = XhtmlPdf.xhtml(
                templates,
                "contribution/card-pdf",
                LocaleContextHolder.getLocale(),
                Map.of("card", card, "qr", QrCodes.dataUri(verifyUrl(card)), "fmt", formats));
        return XhtmlPdf.inline(XhtmlPdf.toPdf(xhtml, "worker's membership card"), "kartu-" + card.number() + ".pdf");
    }

    /**
     * Stops the reminders by SMS to the worker's phone (the outbox's opt-out of the SMS channel; one-time codes the
     * worker asks for still go out). Idempotent.
     */
    @PostMapping("/saya/pengingat/berhenti")
    String stopReminders() {
        String phone = me().phone();
        if (remindersGoOut(phone) != null) {
            outbox.optOut(Channel.SMS, Objects.requireNonNull(phone));
        }
        return "redirect:/saya?pengingat-berhenti";
    }

    /** Whether SMS reminders go to this phone; null when there is no phone they could go to. */
    private @Nullable Boolean remindersGoOut(@Nullable String phone) {
        try {
            return phone == null ? null : !outbox.hasOptedOut(Channel.SMS, phone);
        } catch (IllegalArgumentException e) {
            return null; // not a phone number the outbox can write to: no reminders either
        }
    }

    /** The membership if it is one of the worker's own; anyone else's, even in the same desa, is not found. */
    private Membership own(long id, Participant me, LindungUser actor) {
        Membership m;
        try {
            m = enrolment.membership(MembershipId.ofRequest(id), actor);
        } catch (NotFoundException | IllegalArgumentException e) {
            throw new NotFoundException("membership");
        }
        if (m.participantId() == null || m.participantId() != me.id()) {
            throw new NotFoundException("membership");
        }
        return m;
    }

    private MembershipCard ownCard(long id, String medium) {
        Participant me = me();
        LindungUser actor = WorkerAccounts.actor(me);
        return sessions.actingAs(actor, () -> {
            Membership m = own(id, me, actor);
            return cards.card(MembershipId.of(m.id()), actor, medium);
        });
    }

    private static String verifyUrl(MembershipCard card) {
        return card.verifyUrl(
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }

    private Row row(Membership m, LindungUser actor) {
        LocalDate today = LocalDate.now(clock);
        MembershipStatus status = statements.status(MembershipId.of(m.id()), today, actor);
        LocalDate until = null;
        if (status.protectedOn()) {
            YearMonth paid = status.paidUpTo();
            until = paid == null || paid.atEndOfMonth().isBefore(today) ? today : paid.atEndOfMonth();
        }
        long owed = m.endMonth() != null && m.endMonth().isBefore(YearMonth.now(clock))
                ? 0
                : dues.dueNow(MembershipId.of(m.id()), actor).amount();
        return new Row(m, status, until, owed, accounts.number(m.number()));
    }

    private Participant me() {
        long id = sessions.current().orElseThrow(() -> new NotFoundException("worker"));
        // the session names the participant; reading their own record needs no scope
        return participants.get(new ParticipantId(id), LindungUser.SYSTEM);
    }

    /** The phone as the page shows it: the last three digits only. */
    static @Nullable String maskPhone(@Nullable String phone) {
        return phone == null || phone.length() < 4
                ? phone
                : "•".repeat(phone.length() - 3) + phone.substring(phone.length() - 3);
    }
}
