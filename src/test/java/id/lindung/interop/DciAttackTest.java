package id.lindung.interop;

import static id.lindung.interop.DciRegistryApiTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.interop.SimulatedPartner.Answer;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DCI API as an attacker tries it: no token, a token or a message signed with another key, a message changed
 * after signing, an unknown sender, another partner's sender id, a stale message or signature, a replayed
 * message_id, an oversized batch, more look-ups than the hour allows, malformed JSON. Each is refused with the
 * standard's code in its {@code HttpErrorResponse} shape, never a 5xx; nothing is answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DciAttackTest {

    private static final String NIK = "6104014308850001";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private SimulatedPartner partner(int maxBatch, int perHour) {
        return new SimulatedPartner(
                context,
                port,
                "p-" + UUID.randomUUID(),
                Set.of("REGISTERED", "PROTECTED_UNTIL"),
                Set.of("NIK"),
                maxBatch,
                perHour,
                null);
    }

    private ObjectNode one(SimulatedPartner p) {
        return p.search("M-" + UUID.randomUUID(), List.<String[]>of(new String[] {"r", "NIK", NIK}));
    }

    @Test
    void everyForgeryIsRefusedWithTheStandardsCode() {
        SimulatedPartner p = partner(5, 1_000_000);
        SimulatedPartner other = partner(5, 1_000_000);
        KeyPair stranger = SimulatedPartner.ed25519();

        // the honest call works, so each refusal below is for its own reason
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(one(p)), p.token()), 200, null);

        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(one(p)), null), 401, "err.request.unauthorized");
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(one(p)), "not.a.jws"), 401, "err.request.unauthorized");
        assertRefused(
                p.post(DciApi.SYNC_SEARCH, p.signed(one(p)), p.tokenBy(stranger.getPrivate(), p.senderId, "lindung")),
                401,
                "err.request.unauthorized");
        assertRefused(
                p.post(DciApi.SYNC_SEARCH, p.signed(one(p)), p.tokenBy(p.keys.getPrivate(), p.senderId, "another")),
                401,
                "err.request.unauthorized");
        // an unknown sender
        assertRefused(
                p.post(DciApi.SYNC_SEARCH, p.signed(one(p)), p.tokenBy(stranger.getPrivate(), "nobody", "lindung")),
                401,
                "err.sender_id.invalid");
        // another partner's token with this partner's message: the header's sender is not the token's
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(one(p)), other.token()), 401, "err.sender_id.invalid");

        // unsigned, signed by another key, changed after signing, signed long ago
        ObjectNode unsigned = one(p);
        assertRefused(p.post(DciApi.SYNC_SEARCH, unsigned.toString(), p.token()), 401, "err.signature.missing");
        assertRefused(
                p.post(DciApi.SYNC_SEARCH, p.signedBy(one(p), stranger.getPrivate(), 0), p.token()),
                401,
                "err.signature.invalid");
        String tampered = p.signed(one(p)).replace(NIK, "6104014308850002");
        assertRefused(p.post(DciApi.SYNC_SEARCH, tampered, p.token()), 401, "err.signature.invalid");
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(one(p), 3600), p.token()), 401, "err.signature.invalid");

        // a stale message_ts
        ObjectNode stale = one(p);
        ((ObjectNode) stale.path("header")).put("message_ts", p.stamp(3600));
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(stale), p.token()), 400, "rjct.message_ts.invalid");

        // replayed: the same signed message twice
        String once = p.signed(one(p));
        assertRefused(p.post(DciApi.SYNC_SEARCH, once, p.token()), 200, null);
        assertRefused(p.post(DciApi.SYNC_SEARCH, once, p.token()), 409, "rjct.message_id.duplicate");
        assertRefused(p.post(DciApi.SEARCH, once, p.token()), 409, "rjct.message_id.duplicate");

        // more queries than the agreement's batch, and a total_count that does not match
        ObjectNode big = p.search("M-" + UUID.randomUUID(), DciRegistryApiTest.queries(6, NIK));
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(big), p.token()), 413, "rjct.total_count.limit_exceeded");
        ObjectNode miscounted = one(p);
        ((ObjectNode) miscounted.path("header")).put("total_count", 2);
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(miscounted), p.token()), 400, "rjct.total_count.invalid");
        ObjectNode otherAction = one(p);
        ((ObjectNode) otherAction.path("header")).put("action", "subscribe");
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(otherAction), p.token()), 400, "rjct.action.invalid");

        // malformed bodies
        for (String body : List.of("", "{", "[]", "null", "{\"header\":1,\"message\":2}", "\u0000")) {
            assertRefused(p.post(DciApi.SYNC_SEARCH, body, p.token()), 400, "err.request.bad");
        }
    }

    @Test
    void aPartnerCannotEnumerate_pastItsHourlyLookups() {
        SimulatedPartner p = partner(5, 8);
        ObjectNode five = p.search("M-" + UUID.randomUUID(), DciRegistryApiTest.queries(5, NIK));
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(five), p.token()), 200, null);
        ObjectNode more = p.search("M-" + UUID.randomUUID(), DciRegistryApiTest.queries(4, NIK));
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(more), p.token()), 429, "err.request.too_many_requests");
        ObjectNode three = p.search("M-" + UUID.randomUUID(), DciRegistryApiTest.queries(3, NIK));
        assertRefused(p.post(DciApi.SYNC_SEARCH, p.signed(three), p.token()), 200, null);
    }

    /** The status; for a refusal the body conforms to HttpErrorResponse and the code is one of the standard's. */
    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        if (code == null) {
            assertThat(DciSchemas.problems(DciSchemas.SYNC_SEARCH_RESPONSE, answer.json()))
                    .isEmpty();
            return;
        }
        assertThat(DciSchemas.problems(DciSchemas.HTTP_ERROR, answer.json())).isEmpty();
        assertThat(code(answer)).isEqualTo(code);
        JsonCode known = new JsonCode(code);
        assertThat(known.standard())
                .as(code + " is one of the standard's codes")
                .isTrue();
    }

    /** Whether a code is in the standard's Error.code or MsgHeaderStatusReasonCode enumeration. */
    private record JsonCode(String code) {
        boolean standard() {
            tools.jackson.databind.JsonNode node =
                    tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(code);
            return DciSchemas.problems(DciSchemas.ERROR_CODE, node).isEmpty()
                    || DciSchemas.problems(DciSchemas.HEADER_REASON, node).isEmpty();
        }
    }
}
