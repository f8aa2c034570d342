package id.lindung.interop;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.interop.DciPartners.Field;
import id.lindung.interop.DciPartners.IdType;
import id.lindung.interop.DciPartners.Partner;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registering DCI partners and their agreements: administrators only. */
@RestController
@RequestMapping("/api/interop/dci-partners")
@Tag(name = "DCI", description = "DCI (spdci.org) registry core API v1.0.0 for partner social programmes")
@SecurityRequirement(name = "basicAuth")
@SecurityRequirement(name = "bearerAuth")
class DciPartnerApi {

    static final String REGISTERED = "DCI_PARTNER_REGISTERED";

    /**
     * A partner as registered: its sender id and name, Ed25519 public key (PEM), on-search callback URL (https; http
     * only for localhost), the fields it may receive, the identifier types it may search by, the most queries per
     * message and per hour, and whether it may call at all.
     */
    record PartnerRequest(
            @Nullable String senderId,
            @Nullable String name,
            @Nullable String publicKey,
            @Nullable String callbackUrl,
            @Nullable List<String> fields,
            @Nullable List<String> idTypes,
            @Nullable Integer maxBatch,
            @Nullable Integer lookupsPerHour,
            @Nullable Boolean active) {}

    /** A partner as listed, with Lindung's receiver id and public key the partner verifies answers with. */
    record PartnerView(
            String senderId,
            String name,
            @Nullable String callbackUrl,
            Set<Field> fields,
            Set<IdType> idTypes,
            int maxBatch,
            int lookupsPerHour,
            boolean active,
            String receiverId,
            String receiverPublicKey) {}

    private final DciPartners partners;
    private final DciKeys keys;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final InteropProperties properties;

    DciPartnerApi(
            DciPartners partners,
            DciKeys keys,
            CurrentUser currentUser,
            AuditTrail audit,
            TransactionTemplate transactions,
            InteropProperties properties) {
        this.partners = partners;
        this.keys = keys;
        this.currentUser = currentUser;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "The registered DCI partners and their agreements (administrators)")
    @ApiResponse(responseCode = "200", description = "The partners")
    List<PartnerView> list() {
        admin();
        return partners.all().stream().map(this::view).toList();
    }

    @PostMapping
    @Operation(summary = "Register a DCI partner, or replace its key, callback and agreement (administrators)")
    @ApiResponse(responseCode = "200", description = "The partner as registered, with Lindung's public key")
    PartnerView register(@RequestBody PartnerRequest request) {
        admin();
        List<FieldIssue> issues = new ArrayList<>();
        String senderId = required(request.senderId(), "senderId", 100, issues);
        String name = required(request.name(), "name", 200, issues);
        PublicKey key = null;
        String pem = required(request.publicKey(), "publicKey", 2000, issues);
        if (!pem.isEmpty()) {
            try {
                key = DciSignatures.publicKey(pem);
            } catch (IllegalArgumentException e) {
                issues.add(FieldIssue.error("publicKey", "validation.Pattern"));
            }
        }
        URI callback = callback(request.callbackUrl(), issues);
        Set<Field> fields = names(request.fields(), Field.class, "fields", issues);
        Set<IdType> idTypes = names(request.idTypes(), IdType.class, "idTypes", issues);
        int maxBatch = request.maxBatch() == null ? 100 : request.maxBatch();
        int perHour = request.lookupsPerHour() == null ? 100_000 : request.lookupsPerHour();
        if (maxBatch < 1 || maxBatch > 10_000) {
            issues.add(FieldIssue.error("maxBatch", "validation.Size"));
        }
        if (perHour < 1) {
            issues.add(FieldIssue.error("lookupsPerHour", "validation.Size"));
        }
        InvalidInputException.throwIfErrors(issues);
        PublicKey verified = java.util.Objects.requireNonNull(key);
        boolean active = request.active() == null || request.active();
        Partner partner = transactions.execute(tx -> {
            Partner p =
                    partners.register(senderId, name, verified, callback, fields, idTypes, maxBatch, perHour, active);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("senderId", senderId);
            changes.put("name", name);
            changes.put("callbackUrl", callback == null ? "" : callback.toString());
            changes.put("fields", fields.toString());
            changes.put("idTypes", idTypes.toString());
            changes.put("maxBatch", maxBatch);
            changes.put("lookupsPerHour", perHour);
            changes.put("active", active);
            audit.record(REGISTERED, "dci-partner", Long.toString(p.id()), null, changes);
            return p;
        });
        return view(java.util.Objects.requireNonNull(partner));
    }

    private PartnerView view(Partner p) {
        URI callback = p.callbackUrl();
        return new PartnerView(
                p.senderId(),
                p.name(),
                callback == null ? null : callback.toString(),
                p.fields(),
                p.idTypes(),
                p.maxBatch(),
                p.lookupsPerHour(),
                p.active(),
                properties.receiverId(),
                DciSignatures.pem(keys.current().publicKey()));
    }

    private void admin() {
        LindungUser me = currentUser.require();
        if (!me.is(Role.ADMIN)) {
            throw new ForbiddenException("access.role.read-only", me.role().name());
        }
    }

    private static String required(@Nullable String value, String field, int max, List<FieldIssue> issues) {
        if (value == null || value.isBlank()) {
            issues.add(FieldIssue.error(field, "field.required"));
            return "";
        }
        if (value.strip().length() > max) {
            issues.add(FieldIssue.error(field, "field.too-long", max));
        }
        return value.strip();
    }

    private static @Nullable URI callback(@Nullable String url, List<FieldIssue> issues) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if ("https".equals(uri.getScheme()) || (local && "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        issues.add(FieldIssue.error("callbackUrl", "validation.Pattern"));
        return null;
    }

    private static <E extends Enum<E>> Set<E> names(
            @Nullable List<String> names, Class<E> type, String field, List<FieldIssue> issues) {
        Set<E> result = EnumSet.noneOf(type);
        if (names == null || names.isEmpty()) {
            issues.add(FieldIssue.error(field, "field.required"));
            return result;
        }
        for (String n : names) {
            try {
                result.add(Enum.valueOf(type, n));
            } catch (IllegalArgumentException e) {
                issues.add(FieldIssue.error(field, "validation.Pattern"));
            }
        }
        return result;
    }
}
