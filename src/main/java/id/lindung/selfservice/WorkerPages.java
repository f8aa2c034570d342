package id.lindung.selfservice;

import id.lindung.access.LindungUser;
import id.lindung.access.WorkerSessions;
import id.lindung.contribution.Dues;
import id.lindung.contribution.MembershipStatus;
import id.lindung.contribution.Statement;
import id.lindung.contribution.Statements;
import id.lindung.contribution.VirtualAccounts;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.crypto.NikMask;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A signed-in worker's own pages (issue 19): the profile with the NIK and phone masked, each membership with its
 * protection today, what is owed now with the virtual account to pay it to, and a membership's bills. Only the
 * participant of the session: nothing here takes a participant id, and a membership of anyone else is "not found".
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
    private final Clock clock;

    WorkerPages(
            WorkerSessions sessions,
            ParticipantManagement participants,
            EnrolmentManagement enrolment,
            Statements statements,
            Dues dues,
            VirtualAccounts accounts,
            RegionDirectory regions,
            Clock clock) {
        this.sessions = sessions;
        this.participants = participants;
        this.enrolment = enrolment;
        this.statements = statements;
        this.dues = dues;
        this.accounts = accounts;
        this.regions = regions;
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
        return "selfservice/home";
    }

    @GetMapping("/saya/kepesertaan/{id}")
    String membership(@PathVariable long id, Model model) {
        Participant me = me();
        LindungUser actor = WorkerAccounts.actor(me);
        sessions.actingAs(actor, () -> {
            Membership m;
            try {
                m = enrolment.membership(MembershipId.ofRequest(id), actor);
            } catch (NotFoundException | IllegalArgumentException e) {
                throw new NotFoundException("membership");
            }
            if (m.participantId() == null || m.participantId() != me.id()) {
                throw new NotFoundException("membership"); // another's, even in the same desa
            }
            Statement statement = statements.statement(MembershipId.of(m.id()), LocalDate.now(clock), actor);
            model.addAttribute("row", row(m, actor));
            model.addAttribute("statement", statement);
            return m;
        });
        model.addAttribute("worker", me);
        return "selfservice/membership";
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
        return signedIn(sessions, participants);
    }

    /** The participant of the worker session. */
    static Participant signedIn(WorkerSessions sessions, ParticipantManagement participants) {
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
