package id.lindung.contribution;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.Programme;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.ConflictException;
import id.lindung.shared.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Digital membership cards (issue 19, point 4; docs/decisions.md, "Digital membership card"): for a membership the
 * caller may read, a signed statement of who is protected until when, small enough for a QR code, and the public
 * keys that verify it. The statement names the membership number, the holder's initials, the programmes and the last
 * day covered by money paid ({@link MembershipStatus#protectedUntil}, never past the membership's end); never a full
 * name, NIK, birth date or address. Each card issued is audited.
 */
@Service
public class MembershipCards {

    /** Audit action of a card issued (shown or downloaded). */
    public static final String CARD_ISSUED = "MEMBERSHIP_CARD_ISSUED";
    /** Audit action of a signing key rotated. */
    public static final String KEY_ROTATED = "CARD_KEY_ROTATED";

    private final EnrolmentManagement enrolment;
    private final ParticipantManagement participants;
    private final Statements statements;
    private final CardKeys keys;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    MembershipCards(
            EnrolmentManagement enrolment,
            ParticipantManagement participants,
            Statements statements,
            CardKeys keys,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.enrolment = enrolment;
        this.participants = participants;
        this.statements = statements;
        this.keys = keys;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The card of a membership the caller may read (else not found), shown on a page. */
    public MembershipCard card(MembershipId membership, LindungUser by) {
        return card(membership, by, "page");
    }

    /**
     * The card of a membership the caller may read (not found outside the caller's scope, as every membership
     * page), signed now and audited with {@code medium} (e.g. {@code page}, {@code pdf}). A membership without a
     * person (a construction project's) has no card: 409.
     */
    public MembershipCard card(MembershipId membership, LindungUser by, String medium) {
        Membership m = enrolment.membership(membership, by);
        Long participantId = m.participantId();
        if (participantId == null) {
            throw new ConflictException("card.no-person", m.number());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate until = protectedUntil(m, statements.status(membership, today, by));
        // the membership is readable, so its holder's initials are: read without the caller's participant scope
        String initials = initials(participants
                .get(ParticipantId.of(participantId), LindungUser.SYSTEM)
                .fullName());
        List<String> programmes =
                m.programmes().stream().sorted().map(Programme::name).toList();
        Instant now = clock.instant();
        CardKeys.SigningKey key = keys.current();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("no", m.number());
        claims.put("ini", initials);
        claims.put("prg", programmes);
        claims.put("until", until == null ? null : until.toString());
        claims.put("iat", now.getEpochSecond());
        String token = sign(key, claims);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("medium", medium);
        details.put("until", until == null ? "-" : until.toString());
        details.put("kid", key.kid());
        transactions.executeWithoutResult(
                tx -> audit.record(CARD_ISSUED, "membership", Long.toString(m.id()), m.regionCode(), details));
        return new MembershipCard(m.id(), m.number(), initials, programmes, until, today, now, key.kid(), token);
    }

    /** The public keys that verify cards, current and retired, as a JWK set (RFC 7517, OKP keys of RFC 8037). */
    public Map<String, Object> publishedKeys() {
        keys.current();
        return Map.of(
                "keys",
                keys.published().stream().map(CardKeys.PublishedKey::jwk).toList());
    }

    /**
     * Retires the current signing key and makes a new one (administrators only); cards signed before keep verifying
     * against the retired key's public half. The new key's id.
     */
    public String rotateKey(LindungUser by) {
        if (by.role() != Role.ADMIN) {
            throw new ForbiddenException("card.rotate.forbidden");
        }
        String kid = keys.rotate();
        transactions.executeWithoutResult(tx -> audit.record(KEY_ROTATED, "card-key", kid, null, Map.of("kid", kid)));
        return kid;
    }

    /** The last covered day: from the ledger's status, never past the membership's last month. */
    static @Nullable LocalDate protectedUntil(Membership m, MembershipStatus status) {
        LocalDate until = status.protectedUntil();
        if (until != null && m.endMonth() != null && until.isAfter(m.endMonth().atEndOfMonth())) {
            return m.endMonth().atEndOfMonth();
        }
        return until;
    }

    /** "Siti Rahma binti Nur" gives "S. R. B. N.": the first letter of each word, at most six. */
    static String initials(String fullName) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (String word : fullName.trim().split("[\\s.,'-]+")) {
            if (!word.isEmpty() && Character.isLetter(word.codePointAt(0)) && count < 6) {
                out.append(count == 0 ? "" : " ")
                        .appendCodePoint(Character.toUpperCase(word.codePointAt(0)))
                        .append('.');
                count++;
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private String sign(CardKeys.SigningKey key, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("kid", key.kid());
        String input = CardKeys.base64url(json.writeValueAsBytes(header)) + "."
                + CardKeys.base64url(json.writeValueAsBytes(claims));
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key.key());
            ed.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + CardKeys.base64url(ed.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
