package id.lindung.contribution.snap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SNAP services of {@link SnapApi} in the OpenAPI document: SNAP's headers and signatures as security schemes,
 * the request and answer of each service with examples, and each refusal with its SNAP response code (HTTP status,
 * service code, case). SnapApi reads its bodies as text to check the signature over them, so springdoc cannot see
 * their shape; it is written down here, next to the controller. docs/decisions.md, "The OpenAPI document".
 */
@Configuration(proxyBeanMethods = false)
class SnapApiDocument {

    private static final String TAG = "SNAP";
    private static final String JSON = "application/json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PSID = "   88108";
    private static final String CUSTOMER = "61040000123";
    private static final String STAMP = "2026-12-08T09:15:00+07:00";

    @Bean
    OpenApiCustomizer snapOperations() {
        return openApi -> {
            if (openApi.getPaths() == null || !openApi.getPaths().containsKey(SnapApi.TOKEN_PATH)) {
                return;
            }
            components(openApi);
            openApi.addTagsItem(new Tag()
                    .name(TAG)
                    .description("Bank Indonesia's SNAP for banks collecting contributions by virtual account: "
                            + "answers in SNAP's format (responseCode = HTTP status, service code, case)"));
            token(post(openApi, SnapApi.TOKEN_PATH));
            inquiry(post(openApi, SnapApi.INQUIRY_PATH));
            payment(post(openApi, SnapApi.PAYMENT_PATH));
            status(post(openApi, SnapApi.STATUS_PATH));
        };
    }

    private static Operation post(OpenAPI openApi, String path) {
        PathItem item = openApi.getPaths().get(path);
        Operation operation = item == null ? null : item.getPost();
        if (operation == null) {
            throw new IllegalStateException("no POST " + path + " in the document");
        }
        operation.setTags(List.of(TAG));
        return operation;
    }

    private static void token(Operation operation) {
        operation
                .operationId("snapAccessTokenB2b")
                .summary("SNAP B2B access token (service 73)")
                .description("The bank signs X-CLIENT-KEY, a pipe and X-TIMESTAMP with its private key "
                        + "(SHA256withRSA, base64 in X-SIGNATURE); the token it gets is valid for 900 seconds and "
                        + "opens the transfer-VA services.")
                .security(List.of(
                        new SecurityRequirement().addList("snapClientKey").addList("snapAsymmetricSignature")))
                .parameters(List.of(timestamp()))
                .requestBody(body("AccessTokenRequest", Map.of("grantType", "client_credentials")));
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(
                "200",
                answer(
                        "The token",
                        "AccessTokenResponse",
                        example(
                                "Token issued",
                                ordered(
                                        "responseCode", "2007300",
                                        "responseMessage", "Successful",
                                        "accessToken", "Zq3X1b6sT0k4pP9wV2aLr8mN5cY7dE1f",
                                        "tokenType", "Bearer",
                                        "expiresIn", "900"))));
        responses.addApiResponse(
                "400",
                refusal(
                        "A header or field missing or malformed",
                        refused("4007302", "Invalid Mandatory Field [X-CLIENT-KEY]"),
                        refused("4007301", "Invalid Field Format [grantType]")));
        responses.addApiResponse(
                "401",
                refusal(
                        "Unknown client, a signature that does not verify, or a timestamp more than 5 minutes away",
                        refused("4017300", "Unauthorized. [Unknown Client]"),
                        refused("4017300", "Unauthorized. [Signature]")));
        operation.setResponses(responses);
    }

    private static void inquiry(Operation operation) {
        transactional(operation, "snapTransferVaInquiry", "24")
                .summary("SNAP transfer-VA inquiry: what a virtual account owes now (service 24)")
                .requestBody(body("VaInquiryRequest", va("inquiryRequestId", "INQ-20261208-000001")));
        Map<String, Object> va = va(
                "virtualAccountName",
                "Siti A.",
                "inquiryRequestId",
                "INQ-20261208-000001",
                "totalAmount",
                money("16800.00"),
                "inquiryStatus",
                "00",
                "inquiryReason",
                Map.of("english", "Success", "indonesia", "Sukses"));
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(
                "200",
                answer(
                        "The amount due and the shown name",
                        "VaInquiryResponse",
                        example("Amount due", success("2002400", "virtualAccountData", va))));
        refusals(responses, "24");
        responses.addApiResponse(
                "404",
                refusal(
                        "No such virtual account, or nothing due",
                        refused("4042412", "Invalid Bill/Virtual Account [Not Found]"),
                        refused("4042414", "Paid Bill")));
        responses.addApiResponse(
                "409",
                refusal(
                        "X-EXTERNAL-ID used already today, or inquiryRequestId already used for another account",
                        refused("4092400", "Conflict"),
                        refused("4092401", "Conflict [inquiryRequestId]")));
        responses.addApiResponse(
                "429",
                refusal("Too many inquiries from this bank; try again later", refused("4292400", "Too Many Requests")));
        operation.setResponses(responses);
    }

    private static void payment(Operation operation) {
        transactional(operation, "snapTransferVaPayment", "25")
                .summary("SNAP transfer-VA payment notification: record a payment exactly once (service 25)")
                .description("paidAmount must be exactly what is due. The same paymentRequestId again answers the "
                        + "first answer and records nothing; the same id for another account or amount is refused. "
                        + "trxDateTime may be up to 3 days old (a bank retrying after an outage).")
                .requestBody(body("VaPaymentRequest", paymentRequest()));
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(
                "200",
                answer(
                        "Recorded (or recorded before with the same paymentRequestId)",
                        "VaPaymentResponse",
                        example("Recorded", success("2002500", "virtualAccountData", paid()))));
        refusals(responses, "25");
        responses.addApiResponse(
                "404",
                refusal(
                        "No such virtual account, nothing due, another amount than due, or a paymentRequestId "
                                + "recorded already for another account or amount",
                        refused("4042512", "Invalid Bill/Virtual Account [Not Found]"),
                        refused("4042513", "Invalid Amount"),
                        refused("4042514", "Paid Bill"),
                        refused("4042518", "Inconsistent Request")));
        responses.addApiResponse("409", refusal("X-EXTERNAL-ID used already today", refused("4092500", "Conflict")));
        operation.setResponses(responses);
    }

    private static void status(Operation operation) {
        transactional(operation, "snapTransferVaStatus", "26")
                .summary("SNAP transfer-VA status: a payment this bank notified (service 26)")
                .requestBody(body("VaStatusRequest", va("paymentRequestId", "PAY-20261208-000042")));
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(
                "200",
                answer(
                        "The recorded payment",
                        "VaPaymentResponse",
                        example("Recorded payment", success("2002600", "virtualAccountData", paid()))));
        refusals(responses, "26");
        responses.addApiResponse(
                "404", refusal("This bank notified no such payment", refused("4042601", "Transaction Not Found")));
        responses.addApiResponse("409", refusal("X-EXTERNAL-ID used already today", refused("4092600", "Conflict")));
        operation.setResponses(responses);
    }

    /** The headers, signature and the 400 and 401 refusals of a transfer-VA service. */
    private static Operation transactional(Operation operation, String id, String service) {
        return operation
                .operationId(id)
                .description("Authorization: Bearer and the B2B token; X-SIGNATURE: base64 HMAC-SHA512, under the "
                        + "bank's client secret, of POST:path:token:the lowercase hex SHA-256 of the minified body:"
                        + "X-TIMESTAMP. Service " + service + ".")
                .security(List.of(
                        new SecurityRequirement().addList("snapB2bToken").addList("snapSymmetricSignature")))
                .parameters(List.of(
                        timestamp(),
                        header("X-PARTNER-ID", "The bank's client key", "BANKKALBAR01"),
                        header(
                                "X-EXTERNAL-ID",
                                "Unique per partner per day (up to 36 characters): a reused one is refused 409",
                                "41807553358950093184162180797837"),
                        header("CHANNEL-ID", "The bank's channel (up to 5 characters)", "95221")));
    }

    private static void refusals(ApiResponses responses, String service) {
        responses.addApiResponse(
                "400",
                refusal(
                        "A header or field missing or malformed, or a body that is no JSON object",
                        refused("400" + service + "02", "Invalid Mandatory Field [virtualAccountNo]"),
                        refused("400" + service + "01", "Invalid Field Format [X-TIMESTAMP]"),
                        refused("400" + service + "00", "Bad Request [malformed JSON]")));
        responses.addApiResponse(
                "401",
                refusal(
                        "A token that is unknown or expired, X-PARTNER-ID not the token's bank, a signature that "
                                + "does not verify, or a timestamp more than 5 minutes away",
                        refused("401" + service + "01", "Unauthorized. [Invalid Token (B2B)]"),
                        refused("401" + service + "00", "Unauthorized. [Signature]"),
                        refused("401" + service + "00", "Unauthorized. [Stale Timestamp]")));
    }

    private static Map<String, Object> paymentRequest() {
        return va(
                "paymentRequestId",
                "PAY-20261208-000042",
                "paidAmount",
                money("16800.00"),
                "trxDateTime",
                STAMP,
                "referenceNo",
                "REF000042");
    }

    private static Map<String, Object> paid() {
        return va(
                "paymentRequestId",
                "PAY-20261208-000042",
                "paidAmount",
                money("16800.00"),
                "totalAmount",
                money("16800.00"),
                "trxDateTime",
                STAMP,
                "referenceNo",
                "REF000042",
                "paymentFlagStatus",
                "00",
                "paymentFlagReason",
                Map.of("english", "Success", "indonesia", "Sukses"));
    }

    private static void components(OpenAPI openApi) {
        Components c = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(c);
        c.addSecuritySchemes(
                        "snapClientKey",
                        apiKey("X-CLIENT-KEY", "The bank's client key, registered with its RSA public key"))
                .addSecuritySchemes(
                        "snapAsymmetricSignature",
                        apiKey(
                                "X-SIGNATURE",
                                "Base64 SHA256withRSA signature of X-CLIENT-KEY, a pipe and X-TIMESTAMP under the "
                                        + "bank's private key"))
                .addSecuritySchemes(
                        "snapB2bToken",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("The token from POST /snap/v1.0/access-token/b2b"))
                .addSecuritySchemes(
                        "snapSymmetricSignature",
                        apiKey(
                                "X-SIGNATURE",
                                "Base64 HMAC-SHA512 under the bank's client secret of POST:path:token:the lowercase "
                                        + "hex SHA-256 of the minified body:X-TIMESTAMP"));
        Schema<?> money = object(
                "An amount in rupiah, always with two decimals of zeros",
                List.of("value", "currency"),
                "value",
                new StringSchema().pattern("^[0-9]{1,15}(\\.0{1,2})?$").example("16800.00"),
                "currency",
                new StringSchema().example("IDR"));
        Schema<?> reason = object(
                "A reason in both languages",
                List.of(),
                "english",
                new StringSchema(),
                "indonesia",
                new StringSchema());
        c.addSchemas("SnapMoney", money).addSchemas("SnapReason", reason);
        c.addSchemas(
                "SnapRefusal",
                object(
                        "A SNAP refusal",
                        List.of("responseCode", "responseMessage"),
                        "responseCode",
                        code(),
                        "responseMessage",
                        new StringSchema()));
        c.addSchemas(
                "AccessTokenRequest",
                object("", List.of("grantType"), "grantType", new StringSchema()._enum(List.of("client_credentials"))));
        c.addSchemas(
                "AccessTokenResponse",
                object(
                        "",
                        List.of("responseCode", "responseMessage", "accessToken", "tokenType", "expiresIn"),
                        "responseCode",
                        code(),
                        "responseMessage",
                        new StringSchema(),
                        "accessToken",
                        new StringSchema(),
                        "tokenType",
                        new StringSchema(),
                        "expiresIn",
                        new StringSchema().description("Seconds")));
        c.addSchemas("VaInquiryRequest", vaRequest("inquiryRequestId"));
        c.addSchemas("VaStatusRequest", vaRequest("paymentRequestId"));
        Schema<?> payment = vaRequest("paymentRequestId");
        payment.addProperty("paidAmount", ref("SnapMoney"));
        payment.addProperty("trxDateTime", new StringSchema().format("date-time"));
        payment.addProperty("referenceNo", new StringSchema().maxLength(64));
        payment.setRequired(new ArrayList<>(List.of(
                "partnerServiceId",
                "customerNo",
                "virtualAccountNo",
                "paymentRequestId",
                "paidAmount",
                "trxDateTime")));
        c.addSchemas("VaPaymentRequest", payment);
        Schema<?> inquiryData = vaRequest("inquiryRequestId");
        inquiryData.addProperty(
                "virtualAccountName",
                new StringSchema().description("The holder's first name and the initials of the others"));
        inquiryData.addProperty("totalAmount", ref("SnapMoney"));
        inquiryData.addProperty("inquiryStatus", new StringSchema());
        inquiryData.addProperty("inquiryReason", ref("SnapReason"));
        c.addSchemas("VaInquiryResponse", withData(inquiryData));
        Schema<?> paidData = vaRequest("paymentRequestId");
        paidData.addProperty("paidAmount", ref("SnapMoney"));
        paidData.addProperty("totalAmount", ref("SnapMoney"));
        paidData.addProperty("trxDateTime", new StringSchema().format("date-time"));
        paidData.addProperty("referenceNo", new StringSchema());
        paidData.addProperty("paymentFlagStatus", new StringSchema());
        paidData.addProperty("paymentFlagReason", ref("SnapReason"));
        c.addSchemas("VaPaymentResponse", withData(paidData));
    }

    private static Schema<?> vaRequest(String requestId) {
        return object(
                "",
                List.of("partnerServiceId", "customerNo", "virtualAccountNo", requestId),
                "partnerServiceId",
                new StringSchema().maxLength(8).description("Left-padded with spaces to 8 characters"),
                "customerNo",
                new StringSchema().maxLength(20).description("The 11-digit membership number (or a business's)"),
                "virtualAccountNo",
                new StringSchema().maxLength(28).description("partnerServiceId followed by customerNo"),
                requestId,
                new StringSchema().maxLength(128));
    }

    private static Schema<?> withData(Schema<?> data) {
        return object(
                "",
                List.of("responseCode", "responseMessage", "virtualAccountData"),
                "responseCode",
                code(),
                "responseMessage",
                new StringSchema(),
                "virtualAccountData",
                data);
    }

    private static Schema<?> code() {
        return new StringSchema()
                .pattern("^[0-9]{7}$")
                .description("HTTP status (3 digits), service code (2) and case (2), e.g. 4042412");
    }

    private static Schema<?> object(String description, List<String> required, Object... nameAndSchema) {
        ObjectSchema schema = new ObjectSchema();
        if (!description.isEmpty()) {
            schema.description(description);
        }
        for (int i = 0; i < nameAndSchema.length; i += 2) {
            schema.addProperty((String) nameAndSchema[i], (Schema<?>) nameAndSchema[i + 1]);
        }
        if (!required.isEmpty()) {
            schema.setRequired(new ArrayList<>(required));
        }
        return schema;
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(SCHEMAS + name);
    }

    private static SecurityScheme apiKey(String header, String description) {
        return new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(header)
                .description(description);
    }

    private static Parameter timestamp() {
        return header("X-TIMESTAMP", "ISO 8601 with offset, at most 5 minutes from the server's clock", STAMP);
    }

    private static Parameter header(String name, String description, String example) {
        return new HeaderParameter()
                .name(name)
                .required(true)
                .description(description)
                .schema(new StringSchema())
                .example(example);
    }

    private static RequestBody body(String schema, Map<String, Object> example) {
        return new RequestBody()
                .required(true)
                .content(new Content()
                        .addMediaType(JSON, new MediaType().schema(ref(schema)).example(example)));
    }

    private static ApiResponse answer(String description, String schema, Example example) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(JSON, new MediaType().schema(ref(schema)).examples(Map.of("ok", example))));
    }

    private static ApiResponse refusal(String description, Object... examples) {
        MediaType media = new MediaType().schema(ref("SnapRefusal"));
        for (Object example : examples) {
            Map<?, ?> e = (Map<?, ?>) example;
            media.addExamples(e.get("responseCode") + " " + e.get("responseMessage"), new Example().value(e));
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(JSON, media));
    }

    private static Example example(String summary, Map<String, Object> value) {
        return new Example().summary(summary).value(value);
    }

    private static Map<String, Object> refused(String code, String message) {
        return ordered("responseCode", code, "responseMessage", message);
    }

    private static Map<String, Object> success(String code, String dataName, Map<String, Object> data) {
        return ordered("responseCode", code, "responseMessage", "Successful", dataName, data);
    }

    private static Map<String, String> money(String value) {
        return ordered2("value", value, "currency", "IDR");
    }

    private static Map<String, String> ordered2(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /** The example account's three fields, then the given ones. */
    private static Map<String, Object> va(Object... keyValues) {
        Map<String, Object> map = ordered("partnerServiceId", PSID, "customerNo", CUSTOMER);
        map.put("virtualAccountNo", PSID + CUSTOMER);
        map.putAll(ordered(keyValues));
        return map;
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
