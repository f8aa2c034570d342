package id.lindung.selfservice;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.access.WorkerSessions;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.IdentityView;
import id.lindung.participant.NikRules;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.ParticipantStatus;
import id.lindung.participant.Phones;
import id.lindung.participant.Sex;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.ResponseFloor;
import id.lindung.shared.SlidingWindowLimiter;
import id.lindung.shared.crypto.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker's own sign-in and registration (issue 19). Sign-in: NIK and phone; a code goes to the phone on the record
 * only when the typed phone is that phone, and the answer is the same either way (and takes at least {@link #FLOOR}).
 * Registration: a code proves the phone first; then the participant registration and the BPU enrolment run as
 * usual, with the worker as actor and the channel {@link Channel#SELF}. Requests are limited per NIK, per phone and
 * per client address (docs/decisions.md, "Worker sign-in and self-registration").
 */
@Component
class WorkerAccounts {

    static final Duration WINDOW = Duration.ofHours(1);
    static final int CODES_PER_NIK = 5;
    static final int CODES_PER_PHONE = 5;
    static final int PER_ADDRESS = 30;
    static final int REGISTRATIONS_PER_PHONE = 5;
    static final Duration FLOOR = Duration.ofMillis(200);

    /** What a registration came to. */
    sealed interface Registration {}

    record Registered(long participantId, long membershipId) implements Registration {}

    /** The NIK is registered already: sign in with a code to the registered phone instead. */
    record AlreadyRegistered() implements Registration {}

    record Limited() implements Registration {}

    /** What the registration form says (the phone comes from the verified code, never from the form). */
    record Application(
            @Nullable String nik,
            @Nullable String fullName,
            @Nullable String regionCode,
            @Nullable String occupation,
            @Nullable Sector sector,
            @Nullable Long declaredIncome) {}

    private final ParticipantManagement participants;
    private final EnrolmentManagement enrolment;
    private final WorkerCodes codes;
    private final WorkerSessions sessions;
    private final AuditTrail audit;
    private final Vault vault;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SlidingWindowLimiter limiter;

    WorkerAccounts(
            ParticipantManagement participants,
            EnrolmentManagement enrolment,
            WorkerCodes codes,
            WorkerSessions sessions,
            AuditTrail audit,
            Vault vault,
            TransactionTemplate transactions,
            Clock clock) {
        this.participants = participants;
        this.enrolment = enrolment;
        this.codes = codes;
        this.sessions = sessions;
        this.audit = audit;
        this.vault = vault;
        this.transactions = transactions;
        this.clock = clock;
        this.limiter = new SlidingWindowLimiter(clock, WINDOW, 100_000);
    }

    /**
     * Sends a sign-in code to the phone on the NIK's record when {@code phone} is that phone; false only when the
     * NIK or the address asked too often. Nothing in the answer or its time tells whether anything was sent.
     */
    boolean requestSignInCode(String nik, String phone, String address) {
        long started = System.nanoTime();
        String index = nikIndex(nik);
        boolean admitted =
                limiter.admit("sign-in-nik:" + index, CODES_PER_NIK) & limiter.admit("address:" + address, PER_ADDRESS);
        boolean sent = false;
        if (admitted) {
            Optional<Participant> found = participants.findByNik(nik, LindungUser.SYSTEM);
            if (found.isPresent()
                    && found.get().status() == ParticipantStatus.ACTIVE
                    && Phones.same(phone, found.get().phone())) {
                Participant p = found.get();
                codes.issue(
                        WorkerCodes.Purpose.SIGN_IN,
                        WorkerCodes.participantSubject(p.id()),
                        Objects.requireNonNull(Phones.asStored(p.phone())));
                sent = true;
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", address);
        details.put("answer", !admitted ? "rate-limited" : sent ? "code-sent" : "no-match");
        transactions.executeWithoutResult(
                tx -> audit.record("WORKER_CODE_REQUESTED", "nik-index", index, null, details));
        ResponseFloor.padTo(started, FLOOR);
        return admitted;
    }

    /** The participant a right sign-in code of this NIK's record signs in, or empty. */
    Optional<Long> signIn(String nik, String code) {
        long started = System.nanoTime();
        Optional<Participant> found = participants.findByNik(nik, LindungUser.SYSTEM);
        Optional<Long> signedIn = found.filter(p -> p.status() == ParticipantStatus.ACTIVE)
                .filter(p -> codes.verify(WorkerCodes.Purpose.SIGN_IN, WorkerCodes.participantSubject(p.id()), code))
                .map(Participant::id);
        signedIn.ifPresent(id -> sessions.actingAs(actor(found.get()), () -> {
            transactions.executeWithoutResult(tx -> audit.record(
                    "WORKER_SIGNED_IN",
                    "participant",
                    Long.toString(id),
                    found.get().regionCode(),
                    Map.of()));
            return id;
        }));
        ResponseFloor.padTo(started, FLOOR);
        return signedIn;
    }

    /** Sends a registration code to {@code phone} (as stored); false when the phone or address asked too often. */
    boolean requestRegistrationCode(String phone, String address) {
        String subject = codes.phoneSubject(phone);
        if (!(limiter.admit("register-phone:" + subject, CODES_PER_PHONE)
                & limiter.admit("address:" + address, PER_ADDRESS))) {
            return false;
        }
        codes.issue(WorkerCodes.Purpose.REGISTER, subject, phone);
        return true;
    }

    boolean verifyPhone(String phone, String code) {
        return codes.verify(WorkerCodes.Purpose.REGISTER, codes.phoneSubject(phone), code);
    }

    /**
     * Registers a worker whose phone a code proved, and enrols them in BPU from this month, in one transaction.
     * Invalid fields: {@link InvalidInputException}, nothing written. A NIK already registered writes nothing either.
     */
    Registration register(String phone, Application form, String address) {
        String phoneSubject = codes.phoneSubject(phone);
        if (!(limiter.admit("registration-phone:" + phoneSubject, REGISTRATIONS_PER_PHONE)
                & limiter.admit("address:" + address, PER_ADDRESS))) {
            return new Limited();
        }
        String given = NikRules.sixteenDigits(form.nik());
        List<FieldIssue> issues = new ArrayList<>();
        LocalDate birthDate = null;
        Sex sex = null;
        if (given == null) {
            issues.add(FieldIssue.error("nik", "selfservice.nik.shape"));
        } else {
            birthDate = NikRules.birthDateOf(given, null, LocalDate.now(clock)).orElse(null);
            sex = NikRules.sexOf(given).orElse(null);
            if (birthDate == null || sex == null) {
                issues.add(FieldIssue.error("nik", "selfservice.nik.shape"));
            }
        }
        if (form.sector() == null) {
            issues.add(FieldIssue.error("sector", "field.required"));
        }
        if (form.declaredIncome() == null) {
            issues.add(FieldIssue.error("declaredIncome", "field.required"));
        } else if (form.declaredIncome() < enrolment.bpuMinIncome()) {
            issues.add(FieldIssue.error("declaredIncome", "selfservice.income.floor", enrolment.bpuMinIncome()));
        }
        String region = form.regionCode() == null ? "" : form.regionCode().strip();
        if (region.isEmpty()) {
            issues.add(FieldIssue.error("regionCode", "field.required"));
        }
        InvalidInputException.throwIfErrors(issues);
        String nik = Objects.requireNonNull(given);
        if (participants.findByNik(nik, LindungUser.SYSTEM).isPresent()) {
            recordAlreadyRegistered(nik, address);
            return new AlreadyRegistered();
        }
        ParticipantDetails details = new ParticipantDetails(
                nik, form.fullName(), birthDate, sex, region, phone, form.occupation(), ParticipantStatus.ACTIVE);
        InvalidInputException.throwIfErrors(
                participants.check(details).stream().filter(FieldIssue::isError).toList());
        LindungUser newcomer = WorkerActor.of("tel-" + phoneSubject.substring(4, 16), "Pendaftaran mandiri", region);
        try {
            Registered done = sessions.actingAs(
                    newcomer,
                    () -> transactions.execute(tx -> {
                        Participant p = participants.register(details, newcomer).participant();
                        LindungUser worker = actor(p);
                        Membership m = sessions.actingAs(
                                worker,
                                () -> enrolment.enrol(
                                        new EnrolmentRequest(
                                                p.id(),
                                                Segment.BPU,
                                                Channel.SELF,
                                                null,
                                                null,
                                                form.declaredIncome(),
                                                form.sector(),
                                                false,
                                                YearMonth.now(clock),
                                                null),
                                        worker));
                        return new Registered(p.id(), m.id());
                    }));
            return Objects.requireNonNull(done);
        } catch (InvalidInputException e) { // registered meanwhile: answered as if it had been there before
            if (e.issues().stream()
                    .noneMatch(i -> i.code().equals("nik.taken") || i.code().equals("nik.unavailable"))) {
                throw e;
            }
            recordAlreadyRegistered(nik, address);
            return new AlreadyRegistered();
        }
    }

    private void recordAlreadyRegistered(String nik, String address) {
        transactions.executeWithoutResult(tx -> audit.record(
                "WORKER_REGISTRATION_REFUSED",
                "nik-index",
                nikIndex(nik),
                null,
                Map.of("address", address, "reason", "already-registered")));
    }

    /** The actor of a registered worker's own actions. */
    static LindungUser actor(Participant p) {
        return WorkerActor.of(Long.toString(p.id()), p.fullName(), p.regionCode());
    }

    private String nikIndex(String nik) {
        return HexFormat.of().formatHex(vault.index(IdentityView.NIK_INDEX, nik), 2, 22);
    }
}
