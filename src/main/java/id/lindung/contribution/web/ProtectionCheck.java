package id.lindung.contribution.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.contribution.MembershipStatus;
import id.lindung.contribution.Statements;
import id.lindung.participant.IdentityView;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.ResponseFloor;
import id.lindung.shared.SlidingWindowLimiter;
import id.lindung.shared.crypto.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Cek perlindungan" (issue 19): a NIK and a birth date answer only whether that person is protected today and until
 * which day. An unknown NIK and a known NIK with another birth date get the same answer after the same lookups, and
 * every answer takes at least {@link #FLOOR}, so neither the answer nor its time tells whether a NIK is registered.
 * Checks are limited per NIK (wrong birth dates count) and per client address within an hour, in memory, and each is
 * audited under the NIK's blind index, never the NIK (docs/decisions.md, "Cek perlindungan").
 */
@Component
class ProtectionCheck {

    static final int PER_NIK_PER_HOUR = 10;
    static final int PER_ADDRESS_PER_HOUR = 30;
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration FLOOR = Duration.ofMillis(200);
    static final int MAX_KEYS = 100_000;
    static final String AUDIT_ACTION = "PROTECTION_CHECKED";

    /** The answer: protected today, and the last covered day when so; {@code limited}: refused, too many checks. */
    record Answer(
            boolean limited, boolean covered, @Nullable LocalDate until) {

        static final Answer NOT_FOUND = new Answer(false, false, null);
        static final Answer LIMITED = new Answer(true, false, null);
    }

    private final ParticipantManagement participants;
    private final Statements statements;
    private final AuditTrail audit;
    private final Vault vault;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SlidingWindowLimiter limiter;

    ProtectionCheck(
            ParticipantManagement participants,
            Statements statements,
            AuditTrail audit,
            Vault vault,
            TransactionTemplate transactions,
            Clock clock) {
        this.participants = participants;
        this.statements = statements;
        this.audit = audit;
        this.vault = vault;
        this.transactions = transactions;
        this.clock = clock;
        this.limiter = new SlidingWindowLimiter(clock, WINDOW, MAX_KEYS);
    }

    /** Checks a NIK (sixteen digits, already canonical) and birth date for a client address on a channel. */
    Answer check(String nik, LocalDate birthDate, String address, String channel) {
        long started = System.nanoTime();
        // the keyed blind index of the NIK (without its key number, cut to the audit's 40 characters), never the NIK
        String nikIndex = HexFormat.of().formatHex(vault.index(IdentityView.NIK_INDEX, nik), 2, 22);
        Answer answer;
        if (!limiter.admit("nik:" + nikIndex, PER_NIK_PER_HOUR)
                | !limiter.admit("address:" + address, PER_ADDRESS_PER_HOUR)) {
            answer = Answer.LIMITED;
        } else {
            // the blind index lookup happens for every NIK, known or not; a birth date that differs answers as unknown
            Optional<Participant> found = participants.findByNik(nik, LindungUser.SYSTEM);
            answer = found.filter(p -> p.birthDate().equals(birthDate))
                    .map(this::answer)
                    .orElse(Answer.NOT_FOUND);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", channel);
        details.put("address", address);
        details.put("answer", answer.limited() ? "rate-limited" : answer.covered() ? "protected" : "not-protected");
        transactions.executeWithoutResult(tx -> audit.record(AUDIT_ACTION, "nik-index", nikIndex, null, details));
        ResponseFloor.padTo(started, FLOOR);
        return answer;
    }

    private Answer answer(Participant p) {
        LocalDate today = LocalDate.now(clock);
        LocalDate until = null;
        for (MembershipStatus s :
                statements.statusOfParticipant(new ParticipantId(p.id()), today, LindungUser.SYSTEM)) {
            // a wage earner's unpaid month inside the employer's grace is covered today, not beyond it
            LocalDate last = s.protectedUntil();
            if (last != null) {
                until = until == null || last.isAfter(until) ? last : until;
            }
        }
        return until == null ? Answer.NOT_FOUND : new Answer(false, true, until);
    }
}
