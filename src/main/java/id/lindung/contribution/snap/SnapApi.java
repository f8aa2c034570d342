package id.lindung.contribution.snap;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.contribution.AmountNotOwed;
import id.lindung.contribution.BusinessBills;
import id.lindung.contribution.Dues;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.PaymentResult;
import id.lindung.contribution.Payments;
import id.lindung.contribution.VirtualAccounts;
import id.lindung.participant.Business;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bank Indonesia's SNAP for banks collecting contributions by virtual account (issue 19 point 3): the B2B access token
 * (SHA256withRSA over client key and timestamp), the transfer-VA inquiry, payment notification and status (HMAC-SHA512
 * over method, path, token, body hash and timestamp; X-EXTERNAL-ID once per partner per day). A payment must be
 * exactly what is due and is recorded once per bank and paymentRequestId through {@link Payments}; inquiries are
 * limited per bank ({@link SnapLimits}) and audited. Every refusal is a SNAP response code (HTTP status, service code,
 * case), never a 5xx; nothing is read from a session. docs/decisions.md, "SNAP for banks".
 */
@RestController
class SnapApi {

    static final String TOKEN_PATH = "/snap/v1.0/access-token/b2b";
    static final String INQUIRY_PATH = "/snap/v1.0/transfer-va/inquiry";
    static final String PAYMENT_PATH = "/snap/v1.0/transfer-va/payment";
    static final String STATUS_PATH = "/snap/v1.0/transfer-va/status";
    static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);
    private static final int MAX_BODY = 4096;
    private static final String TOKEN_SERVICE = "73";
    private static final String INQUIRY_SERVICE = "24";
    private static final String PAYMENT_SERVICE = "25";
    private static final String STATUS_SERVICE = "26";
    /** The oldest trxDateTime a payment notification may carry (a bank retrying after an outage). */
    static final Duration MAX_PAYMENT_AGE = Duration.ofDays(3);

    private final SnapClients clients;
    private final VirtualAccounts virtualAccounts;
    private final Dues dues;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Payments payments;
    private final SnapLimits limits;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final BusinessBills businessBills;
    private final ParticipantManagement participants;

    SnapApi(
            SnapClients clients,
            VirtualAccounts virtualAccounts,
            Dues dues,
            JdbcClient jdbc,
            Clock clock,
            Payments payments,
            SnapLimits limits,
            AuditTrail audit,
            PlatformTransactionManager transactionManager,
            BusinessBills businessBills,
            ParticipantManagement participants) {
        this.businessBills = businessBills;
        this.participants = participants;
        this.payments = payments;
        this.limits = limits;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clients = clients;
        this.virtualAccounts = virtualAccounts;
        this.dues = dues;
        this.jdbc = jdbc;
        this.json = JsonMapper.builder().build();
        this.clock = clock;
    }

    /** A refusal: the SNAP response code and message. */
    private static final class Refusal extends RuntimeException {
        final String code;

        Refusal(String status, String service, String kase, String message) {
            super(message, null, false, false);
            this.code = status + service + kase;
        }
    }

    @PostMapping(path = TOKEN_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> accessToken(
            @RequestHeader(name = "X-TIMESTAMP", required = false) @Nullable String timestamp,
            @RequestHeader(name = "X-CLIENT-KEY", required = false) @Nullable String clientKey,
            @RequestHeader(name = "X-SIGNATURE", required = false) @Nullable String signature,
            @RequestBody(required = false) @Nullable String body) {
        try {
            String key = mandatory(clientKey, "X-CLIENT-KEY", 64, TOKEN_SERVICE);
            String stamp = mandatory(timestamp, "X-TIMESTAMP", 40, TOKEN_SERVICE);
            String signed = mandatory(signature, "X-SIGNATURE", 1024, TOKEN_SERVICE);
            JsonNode request = parse(body, TOKEN_SERVICE);
            String grantType = field(request, "grantType", 32, TOKEN_SERVICE);
            if (!"client_credentials".equals(grantType)) {
                throw new Refusal("400", TOKEN_SERVICE, "01", "Invalid Field Format [grantType]");
            }
            checkTimestamp(stamp, TOKEN_SERVICE);
            SnapClients.Client client =
                    clients.byKey(key).orElseThrow(() -> unauthorized(TOKEN_SERVICE, "00", "Unknown Client"));
            if (!rsaVerifies(client.publicKeyPem(), key + "|" + stamp, signed)) {
                throw unauthorized(TOKEN_SERVICE, "00", "Signature");
            }
            Map<String, Object> answer = answer("200", TOKEN_SERVICE, "00", "Successful");
            answer.put("accessToken", clients.issueToken(client));
            answer.put("tokenType", "Bearer");
            answer.put("expiresIn", Long.toString(SnapClients.TOKEN_LIFETIME.toSeconds()));
            return ResponseEntity.ok(answer);
        } catch (Refusal r) {
            return refused(r);
        }
    }

    /** A request that passed the bank's bearer token, X-PARTNER-ID, timestamp and HMAC signature. */
    private record Call(SnapClients.Client client, JsonNode request, String externalId) {}

    /** Checks headers, body, timestamp, token, partner and signature of a transfer-VA call, in that order. */
    private Call authenticate(String path, String s, HttpHeaders headers, @Nullable String body) {
        String bearer = mandatory(headers.getFirst("Authorization"), "Authorization", 200, s);
        if (!bearer.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized(s, "01", "Invalid Token (B2B)");
        }
        String token = bearer.substring(7).strip();
        String stamp = mandatory(headers.getFirst("X-TIMESTAMP"), "X-TIMESTAMP", 40, s);
        String signed = mandatory(headers.getFirst("X-SIGNATURE"), "X-SIGNATURE", 1024, s);
        String partner = mandatory(headers.getFirst("X-PARTNER-ID"), "X-PARTNER-ID", 64, s);
        String external = mandatory(headers.getFirst("X-EXTERNAL-ID"), "X-EXTERNAL-ID", 36, s);
        mandatory(headers.getFirst("CHANNEL-ID"), "CHANNEL-ID", 5, s);
        JsonNode request = parse(body, s);
        checkTimestamp(stamp, s);
        SnapClients.Client client =
                clients.byToken(token).orElseThrow(() -> unauthorized(s, "01", "Invalid Token (B2B)"));
        if (!partner.equals(client.clientKey())) {
            throw unauthorized(s, "00", "Unknown Partner");
        }
        String stringToSign = "POST:" + path + ":" + token + ":"
                + Sha256.hex(minify(body == null ? "" : body).getBytes(StandardCharsets.UTF_8)) + ":" + stamp;
        if (!hmacVerifies(client.secret(), stringToSign, signed)) {
            throw unauthorized(s, "00", "Signature");
        }
        return new Call(client, request, external);
    }

    @PostMapping(path = INQUIRY_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> inquiry(
            @RequestHeader HttpHeaders headers, @RequestBody(required = false) @Nullable String body) {
        String s = INQUIRY_SERVICE;
        Call call;
        try {
            call = authenticate(INQUIRY_PATH, s, headers, body);
        } catch (Refusal r) {
            return refused(r);
        }
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("externalId", call.externalId());
        ResponseEntity<Map<String, Object>> answer;
        try {
            JsonNode request = call.request();
            String partnerServiceId = field(request, "partnerServiceId", 8, s);
            String customerNo = field(request, "customerNo", 20, s);
            String vaNo = field(request, "virtualAccountNo", 28, s);
            String inquiryRequestId = field(request, "inquiryRequestId", 128, s);
            audited.put("virtualAccountNo", vaNo);
            audited.put("inquiryRequestId", inquiryRequestId);
            if (!clients.firstUseToday(call.client(), call.externalId())) {
                throw new Refusal("409", s, "00", "Conflict");
            }
            if (!limits.admit(call.client().id())) {
                throw new Refusal("429", s, "00", "Too Many Requests");
            }
            if (!clients.firstInquiry(call.client(), inquiryRequestId)) {
                throw new Refusal("409", s, "01", "Conflict [inquiryRequestId]");
            }
            try {
                answer = ResponseEntity.ok(inquiryAnswer(partnerServiceId, customerNo, vaNo, inquiryRequestId));
            } catch (Refusal r) {
                limits.missed(call.client().id());
                throw r;
            }
        } catch (Refusal r) {
            answer = refused(r);
        }
        audit("SNAP_VA_INQUIRY", call.client(), audited, answer);
        return answer;
    }

    @PostMapping(path = PAYMENT_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> payment(
            @RequestHeader HttpHeaders headers, @RequestBody(required = false) @Nullable String body) {
        String s = PAYMENT_SERVICE;
        Call call;
        try {
            call = authenticate(PAYMENT_PATH, s, headers, body);
        } catch (Refusal r) {
            return refused(r);
        }
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("externalId", call.externalId());
        ResponseEntity<Map<String, Object>> answer;
        try {
            JsonNode request = call.request();
            String partnerServiceId = field(request, "partnerServiceId", 8, s);
            String customerNo = field(request, "customerNo", 20, s);
            String vaNo = field(request, "virtualAccountNo", 28, s);
            String paymentRequestId = field(request, "paymentRequestId", 128, s);
            String trxDateTime = field(request, "trxDateTime", 40, s);
            JsonNode paid = request.get("paidAmount");
            if (paid == null || paid.isNull()) {
                throw new Refusal("400", s, "02", "Invalid Mandatory Field [paidAmount]");
            }
            if (!paid.isObject()) {
                throw new Refusal("400", s, "01", "Invalid Field Format [paidAmount]");
            }
            long amount = rupiah(field(paid, "value", 19, s), s);
            if (!"IDR".equals(field(paid, "currency", 3, s))) {
                throw new Refusal("400", s, "01", "Invalid Field Format [paidAmount.currency]");
            }
            @Nullable String referenceNo = optionalField(request, "referenceNo", 64, s);
            audited.put("virtualAccountNo", vaNo);
            audited.put("paymentRequestId", paymentRequestId);
            audited.put("paidAmount", amount);
            Optional<Recorded> earlier = recordedPayment(call.client(), paymentRequestId);
            if (earlier.isPresent()) {
                answer = replayed(earlier.get(), vaNo, amount, audited);
            } else {
                if (!clients.firstUseToday(call.client(), call.externalId())) {
                    throw new Refusal("409", s, "00", "Conflict");
                }
                @Nullable Long business = business(partnerServiceId, customerNo, vaNo, s);
                @Nullable Holder holder = business == null ? holder(partnerServiceId, customerNo, vaNo, s) : null;
                LocalDate paidOn = paidOn(trxDateTime, s);
                String account;
                Function<String, List<PaymentResult>> pay;
                // what is owed is decided in the payment's transaction, under the memberships' locks
                if (holder == null) { // a business VA: its one bill, split per membership
                    long id = Objects.requireNonNull(business);
                    account = virtualAccounts.number(virtualAccounts.businessNumber(id));
                    audited.put("businessId", id);
                    pay = key -> businessBills.pay(id, key, amount, paidOn, referenceNo, "SNAP", LindungUser.SYSTEM);
                } else {
                    long membership = holder.membership();
                    account = virtualAccounts.number(holder.number());
                    pay = key -> List.of(payments.payOwed(
                            new PaymentRequest(key, membership, amount, paidOn, referenceNo),
                            "SNAP",
                            LindungUser.SYSTEM));
                }
                try {
                    answer = ResponseEntity.ok(recordPayment(
                            call, pay, paymentRequestId, account, amount, paidOn, trxDateTime, referenceNo, audited));
                    return answer; // audited in the payment's transaction
                } catch (AmountNotOwed e) {
                    // the same notification recorded meanwhile (it held the lock first): its answer; else refused
                    Recorded meanwhile = recordedPayment(call.client(), paymentRequestId)
                            .orElseThrow(() -> e.owed() <= 0
                                    ? new Refusal("404", s, "14", "Paid Bill")
                                    : new Refusal("404", s, "13", "Invalid Amount"));
                    answer = replayed(meanwhile, vaNo, amount, audited);
                }
            }
        } catch (Refusal r) {
            answer = refused(r);
        }
        audit("SNAP_VA_PAYMENT", call.client(), audited, answer);
        return answer;
    }

    @PostMapping(path = STATUS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> status(
            @RequestHeader HttpHeaders headers, @RequestBody(required = false) @Nullable String body) {
        String s = STATUS_SERVICE;
        try {
            Call call = authenticate(STATUS_PATH, s, headers, body);
            JsonNode request = call.request();
            field(request, "partnerServiceId", 8, s);
            field(request, "customerNo", 20, s);
            String vaNo = field(request, "virtualAccountNo", 28, s);
            String paymentRequestId = field(request, "paymentRequestId", 128, s);
            if (!clients.firstUseToday(call.client(), call.externalId())) {
                throw new Refusal("409", s, "00", "Conflict");
            }
            // only this bank's own payments: another bank's paymentRequestId reads as not found
            Recorded va = recordedPayment(call.client(), paymentRequestId)
                    .filter(v -> sameAccount(v, vaNo))
                    .orElseThrow(() -> new Refusal("404", s, "01", "Transaction Not Found"));
            return ResponseEntity.ok(paymentAnswer(STATUS_SERVICE, va));
        } catch (Refusal r) {
            return refused(r);
        }
    }

    /** The member a VA names: an open membership of ours, or SNAP's not-found code. */
    private record Holder(
            long membership, String number, @Nullable String name) {}

    private Holder holder(String partnerServiceId, String customerNo, String vaNo, String service) {
        // the partner service id as SNAP pads it or without its spaces, as some banks send it
        Optional<String> number = virtualAccounts
                .membershipNumberOf(vaNo)
                .filter(n -> n.equals(customerNo)
                        && partnerServiceId
                                .strip()
                                .equals(virtualAccounts.partnerServiceId().strip()));
        if (number.isEmpty()) {
            throw new Refusal("404", service, "12", "Invalid Bill/Virtual Account [Not Found]");
        }
        return jdbc.sql("""
                        SELECT v.membership_id, p.full_name FROM enrolment_membership_v v
                          JOIN participant_identity_v p ON p.participant_id = v.participant_id
                         WHERE v.membership_number = ? AND v.end_month IS NULL""")
                .param(number.get())
                .query((rs, n) -> new Holder(rs.getLong(1), number.get(), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new Refusal("404", service, "12", "Invalid Bill/Virtual Account [Not Found]"));
    }

    /**
     * The business a business VA names (issue 19 point 5), or null when the VA is not a business's; a business VA
     * of no business with memberships on its bill is SNAP's not-found, as an unknown membership is.
     */
    private @Nullable Long business(String partnerServiceId, String customerNo, String vaNo, String service) {
        Optional<Long> business = virtualAccounts.businessIdOf(vaNo);
        if (business.isEmpty()) {
            return null;
        }
        if (!virtualAccounts.businessNumber(business.get()).equals(customerNo)
                || !partnerServiceId
                        .strip()
                        .equals(virtualAccounts.partnerServiceId().strip())
                || !businessBills.billed(business.get())) {
            throw new Refusal("404", service, "12", "Invalid Bill/Virtual Account [Not Found]");
        }
        return business.get();
    }

    private Map<String, Object> inquiryAnswer(
            String partnerServiceId, String customerNo, String vaNo, String inquiryRequestId) {
        @Nullable Long business = business(partnerServiceId, customerNo, vaNo, INQUIRY_SERVICE);
        long total;
        @Nullable String name;
        if (business != null) {
            total = businessBills.bill(business, LindungUser.SYSTEM).total();
            name = participants
                    .business(business, LindungUser.SYSTEM)
                    .map(Business::name)
                    .orElse(null);
        } else {
            Holder holder = holder(partnerServiceId, customerNo, vaNo, INQUIRY_SERVICE);
            total = dues.owed(holder.membership()).amount();
            name = shownName(holder.name());
        }
        if (total <= 0) {
            throw new Refusal("404", INQUIRY_SERVICE, "14", "Paid Bill");
        }
        Map<String, Object> va = new LinkedHashMap<>();
        va.put("partnerServiceId", virtualAccounts.partnerServiceId());
        va.put("customerNo", customerNo);
        va.put("virtualAccountNo", virtualAccounts.number(customerNo));
        va.put("virtualAccountName", name == null ? "" : name.length() > 255 ? name.substring(0, 255) : name);
        va.put("inquiryRequestId", inquiryRequestId);
        va.put("totalAmount", money(total));
        va.put("inquiryStatus", "00");
        va.put("inquiryReason", Map.of("english", "Success", "indonesia", "Sukses"));
        Map<String, Object> answer = answer("200", INQUIRY_SERVICE, "00", "Successful");
        answer.put("virtualAccountData", va);
        return answer;
    }

    /**
     * Records the payment through the ledger ({@code pay}: given the idempotency key made of the bank and its
     * paymentRequestId, one payment per membership, channel SNAP) and the bank's notification with its parts and
     * its audit line, in one transaction.
     */
    private Map<String, Object> recordPayment(
            Call call,
            Function<String, List<PaymentResult>> pay,
            String paymentRequestId,
            String virtualAccountNo,
            long amount,
            LocalDate paidOn,
            String trxDateTime,
            @Nullable String referenceNo,
            Map<String, Object> audited) {
        String key = "SNAP-" + call.client().id() + "-"
                + Sha256.hex(paymentRequestId.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
        Map<String, Object> answer = transactions.execute(tx -> {
            List<PaymentResult> parts;
            try {
                parts = pay.apply(key);
            } catch (AmountNotOwed e) {
                throw e;
            } catch (InvalidInputException e) {
                throw new Refusal("400", PAYMENT_SERVICE, "00", "Bad Request [refused by the ledger]");
            }
            PaymentResult paid = parts.get(0);
            record Inserted(long id, Recorded recorded) {}
            // recorded here, or (the same notification a moment earlier) already: then its row answers
            Optional<Inserted> inserted = jdbc.sql("""
                            INSERT INTO snap_payment (client_id, payment_request_id, external_id, virtual_account_no,
                                                      payment_id, paid_amount, paid_on, trx_date_time, reference_no)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (client_id, payment_request_id) DO NOTHING
                            RETURNING id, virtual_account_no, payment_request_id, paid_amount, trx_date_time,
                                      reference_no""")
                    .params(
                            call.client().id(),
                            paymentRequestId,
                            call.externalId(),
                            virtualAccountNo,
                            paid.paymentId(),
                            amount,
                            java.sql.Date.valueOf(paidOn),
                            trxDateTime,
                            referenceNo)
                    .query((rs, n) -> new Inserted(rs.getLong(1), recorded(rs, 2)))
                    .optional();
            if (inserted.isPresent()) {
                for (PaymentResult part : parts) {
                    jdbc.sql("INSERT INTO snap_payment_part (snap_payment_id, payment_id) VALUES (?, ?)"
                                    + " ON CONFLICT DO NOTHING")
                            .params(inserted.get().id(), part.paymentId())
                            .update();
                }
            }
            Map<String, Object> a = paymentAnswer(
                    PAYMENT_SERVICE,
                    inserted.map(Inserted::recorded)
                            .orElseGet(() -> recordedPayment(call.client(), paymentRequestId)
                                    .orElseThrow()));
            audited.put("paymentId", paid.paymentId());
            audited.put("responseCode", a.get("responseCode"));
            audit.record(
                    "SNAP_VA_PAYMENT",
                    "snap_client",
                    Long.toString(call.client().id()),
                    null,
                    audited);
            return a;
        });
        return Objects.requireNonNull(answer);
    }

    /**
     * The same notification again: the same answer, nothing recorded; the same paymentRequestId for another account
     * or amount: refused.
     */
    private ResponseEntity<Map<String, Object>> replayed(
            Recorded earlier, String vaNo, long amount, Map<String, Object> audited) {
        if (!sameAccount(earlier, vaNo) || amount != earlier.paidAmount()) {
            throw new Refusal("404", PAYMENT_SERVICE, "18", "Inconsistent Request");
        }
        audited.put("replayed", true);
        return ResponseEntity.ok(paymentAnswer(PAYMENT_SERVICE, earlier));
    }

    /** A bank's recorded payment notification. */
    private record Recorded(
            String virtualAccountNo,
            String paymentRequestId,
            long paidAmount,
            String trxDateTime,
            @Nullable String referenceNo) {}

    /** The bank's recorded payment of a paymentRequestId. */
    private Optional<Recorded> recordedPayment(SnapClients.Client client, String paymentRequestId) {
        return jdbc.sql("""
                        SELECT virtual_account_no, payment_request_id, paid_amount, trx_date_time, reference_no
                          FROM snap_payment WHERE client_id = ? AND payment_request_id = ?""")
                .params(client.id(), paymentRequestId)
                .query((rs, n) -> recorded(rs, 1))
                .optional();
    }

    /** A recorded notification from the columns from {@code first} on, in the order of {@link Recorded}. */
    private static Recorded recorded(ResultSet rs, int first) throws SQLException {
        return new Recorded(
                rs.getString(first),
                rs.getString(first + 1),
                rs.getLong(first + 2),
                rs.getString(first + 3),
                rs.getString(first + 4));
    }

    private boolean sameAccount(Recorded recorded, String vaNo) {
        return virtualAccounts
                .customerNumberOf(vaNo)
                .map(virtualAccounts::number)
                .filter(recorded.virtualAccountNo()::equals)
                .isPresent();
    }

    private Map<String, Object> paymentAnswer(String service, Recorded paid) {
        Map<String, Object> va = new LinkedHashMap<>();
        va.put("partnerServiceId", virtualAccounts.partnerServiceId());
        va.put(
                "customerNo",
                virtualAccounts.customerNumberOf(paid.virtualAccountNo()).orElse(""));
        va.put("virtualAccountNo", paid.virtualAccountNo());
        va.put("paymentRequestId", paid.paymentRequestId());
        va.put("paidAmount", money(paid.paidAmount()));
        va.put("totalAmount", money(paid.paidAmount()));
        va.put("trxDateTime", paid.trxDateTime());
        if (paid.referenceNo() != null) {
            va.put("referenceNo", paid.referenceNo());
        }
        va.put("paymentFlagStatus", "00");
        va.put("paymentFlagReason", Map.of("english", "Success", "indonesia", "Sukses"));
        Map<String, Object> answer = answer("200", service, "00", "Successful");
        answer.put("virtualAccountData", va);
        return answer;
    }

    private static Map<String, String> money(long rupiah) {
        Map<String, String> money = new LinkedHashMap<>();
        money.put("value", rupiah + ".00");
        money.put("currency", "IDR");
        return money;
    }

    /** Whole rupiah from SNAP's "150000.00" (no sen: contributions are whole rupiah). */
    private static long rupiah(String value, String service) {
        if (!value.matches("[0-9]{1,15}(\\.0{1,2})?")) {
            throw new Refusal("400", service, "01", "Invalid Field Format [paidAmount.value]");
        }
        long amount = Long.parseLong(value.substring(0, value.indexOf('.') < 0 ? value.length() : value.indexOf('.')));
        if (amount <= 0) {
            throw new Refusal("404", service, "13", "Invalid Amount");
        }
        return amount;
    }

    /**
     * The business day of the bank's trxDateTime: not more than {@link #TIMESTAMP_WINDOW} ahead of the server clock
     * nor older than {@link #MAX_PAYMENT_AGE}.
     */
    private LocalDate paidOn(String trxDateTime, String service) {
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(trxDateTime);
        } catch (DateTimeParseException e) {
            throw new Refusal("400", service, "01", "Invalid Field Format [trxDateTime]");
        }
        if (at.toInstant().isAfter(clock.instant().plus(TIMESTAMP_WINDOW))
                || at.toInstant().isBefore(clock.instant().minus(MAX_PAYMENT_AGE))) {
            throw new Refusal("400", service, "01", "Invalid Field Format [trxDateTime]");
        }
        LocalDate day = at.atZoneSameInstant(clock.getZone()).toLocalDate();
        LocalDate today = LocalDate.now(clock);
        return day.isAfter(today) ? today : day;
    }

    /** One audit line per inquiry or payment notification of an authenticated bank, with the answer's code. */
    private void audit(
            String action,
            SnapClients.Client client,
            Map<String, Object> details,
            ResponseEntity<Map<String, Object>> a) {
        Map<String, Object> body = a.getBody();
        details.put("responseCode", body == null ? null : body.get("responseCode"));
        transactions.executeWithoutResult(
                tx -> audit.record(action, "snap_client", Long.toString(client.id()), null, details));
    }

    /**
     * The name a bank app shows before the payer confirms: the first word in full, the others as initials ("Siti
     * Rahmawati" becomes "Siti R."), enough to recognise one's own account and little to a stranger guessing numbers.
     */
    static String shownName(@Nullable String fullName) {
        String[] words = (fullName == null ? "" : fullName).strip().split("\\s+");
        StringBuilder shown = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            shown.append(' ').appendCodePoint(words[i].codePointAt(0)).append('.');
        }
        return shown.length() > 255 ? shown.substring(0, 255) : shown.toString();
    }

    private void checkTimestamp(String stamp, String service) {
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(stamp);
        } catch (DateTimeParseException e) {
            throw new Refusal("400", service, "01", "Invalid Field Format [X-TIMESTAMP]");
        }
        Duration off = Duration.between(at.toInstant(), clock.instant()).abs();
        if (off.compareTo(TIMESTAMP_WINDOW) > 0) {
            throw unauthorized(service, "00", "Stale Timestamp");
        }
    }

    private JsonNode parse(@Nullable String body, String service) {
        if (body == null || body.isBlank()) {
            throw new Refusal("400", service, "02", "Invalid Mandatory Field [body]");
        }
        if (body.length() > MAX_BODY) {
            throw new Refusal("400", service, "00", "Bad Request [body too large]");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new Refusal("400", service, "00", "Bad Request [not a JSON object]");
            }
            return node;
        } catch (JacksonException e) {
            throw new Refusal("400", service, "00", "Bad Request [malformed JSON]");
        }
    }

    private static String field(JsonNode request, String name, int maxLength, String service) {
        JsonNode value = request.get(name);
        if (value == null
                || value.isNull()
                || (value.isString() && value.asString().isBlank())) {
            throw new Refusal("400", service, "02", "Invalid Mandatory Field [" + name + "]");
        }
        if (!value.isString() || value.asString().length() > maxLength) {
            throw new Refusal("400", service, "01", "Invalid Field Format [" + name + "]");
        }
        return value.asString();
    }

    private static @Nullable String optionalField(JsonNode request, String name, int maxLength, String service) {
        JsonNode value = request.get(name);
        if (value == null
                || value.isNull()
                || (value.isString() && value.asString().isBlank())) {
            return null;
        }
        return field(request, name, maxLength, service);
    }

    private static String mandatory(@Nullable String header, String name, int maxLength, String service) {
        if (header == null || header.isBlank()) {
            throw new Refusal("400", service, "02", "Invalid Mandatory Field [" + name + "]");
        }
        if (header.length() > maxLength) {
            throw new Refusal("400", service, "01", "Invalid Field Format [" + name + "]");
        }
        return header.strip();
    }

    private static Refusal unauthorized(String service, String kase, String reason) {
        return new Refusal("401", service, kase, "Unauthorized. [" + reason + "]");
    }

    private static boolean rsaVerifies(String publicKeyPem, String text, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(SnapClients.publicKey(publicKeyPem));
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // bad base64 or a signature of the wrong length
        }
    }

    private static boolean hmacVerifies(byte[] secret, String text, String signatureBase64) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            byte[] expected = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The body without the whitespace outside its strings, as SNAP's body hash is taken over it. */
    static String minify(String body) {
        StringBuilder out = new StringBuilder(body.length());
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < body.length()) {
                    out.append(body.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, Object> answer(String status, String service, String kase, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("responseCode", status + service + kase);
        answer.put("responseMessage", message);
        return answer;
    }

    private static ResponseEntity<Map<String, Object>> refused(Refusal r) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("responseCode", r.code);
        answer.put("responseMessage", r.getMessage());
        return ResponseEntity.status(Integer.parseInt(r.code.substring(0, 3)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer);
    }
}
