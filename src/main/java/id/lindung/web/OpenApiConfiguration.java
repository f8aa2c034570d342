package id.lindung.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Lindung API",
                        version = "1",
                        description =
                                "Universal Coverage Jamsostek platform for Kalimantan Barat. Errors are RFC 9457 problem "
                                        + "details; invalid input lists each failing field under 'errors'. Authenticate with HTTP Basic "
                                        + "to try the API, or with an API token (Authorization: Bearer lkt_…, which each user issues for "
                                        + "themselves under /api/tokens and which acts as them; approvals refuse it) for machines and volume. "
                                        + "Search and list pages and exports of personal data are audited and limited per user and hour "
                                        + "(429 with Retry-After). Banks collecting contributions by virtual account call the SNAP "
                                        + "services under /snap/v1.0, which answer in SNAP's own format (responseCode, "
                                        + "responseMessage), not in problem details."),
        servers = @Server(url = "/", description = "The server this document was read from"))
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "lkt_…")
@SecurityScheme(
        name = "gatewaySignature",
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = "X-Lindung-Signature",
        description = "The SMS gateway's signature: sha256= and the hex HMAC-SHA256, under the webhook secret "
                + "(lindung.outreach.webhook-secret), of X-Lindung-Timestamp, a dot and the body")
class OpenApiConfiguration {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String INVALID_INPUT_TYPE = "https://lindung.id/problems/invalid-input";

    /** Every operation that accepts HTTP Basic accepts an API token as well. */
    @Bean
    @Order(1)
    OpenApiCustomizer bearerWhereverBasic() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        var security = operation.getSecurity();
                        if (security != null
                                && security.stream().anyMatch(r -> r.containsKey("basicAuth"))
                                && security.stream().noneMatch(r -> r.containsKey("bearerAuth"))) {
                            var withBearer = new ArrayList<>(security);
                            withBearer.add(new SecurityRequirement().addList("bearerAuth"));
                            operation.setSecurity(withBearer);
                        }
                    }));
        };
    }

    /**
     * The error answers of {@code /api/**} (shared.web.ApiProblemHandler, the security filters, ErrorPages), added
     * to each operation by what can go wrong with its shape: a secured operation can be refused 401, 403 and 429 (too
     * many failed sign-ins); a request body can be unreadable (400); a body or a parameter that is not text can be
     * invalid (422, type {@value #INVALID_INPUT_TYPE}, each failing field under {@code errors}); a path variable can
     * name nothing (404); a public operation without input can still be asked for a type it does not answer in (406).
     * An operation that documents any 4xx answer itself is left as it is. docs/decisions.md, "The OpenAPI document".
     */
    @Bean
    @Order(2)
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas("FieldIssue", fieldIssue());
            components.addSchemas("Problem", problem());
            Problems.all().forEach((name, response) -> components.addResponses(name, response));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(OpenApiConfiguration::addProblems);
                }
            });
        };
    }

    private static void addProblems(Operation operation) {
        if (operation.getResponses() == null
                || operation.getResponses().keySet().stream().anyMatch(status -> status.startsWith("4"))) {
            return; // the operation documents its own refusals
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        if (body) {
            add(operation, "400", "Unreadable");
        }
        if (secured) {
            add(operation, "401", "Unauthorized");
            add(operation, "403", "Forbidden");
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            add(operation, "404", "NotFound");
        }
        if (body || parameters.stream().anyMatch(p -> p.getSchema() != null && !isText(p.getSchema()))) {
            add(operation, "422", "InvalidInput");
        }
        if (secured) {
            add(operation, "429", "TooManyRequests");
        }
        if (operation.getResponses().keySet().stream().noneMatch(status -> status.startsWith("4"))) {
            add(operation, "406", "NotAcceptable"); // a public call without input can only be asked wrongly
        }
    }

    private static boolean isText(Schema<?> schema) {
        return "string".equals(schema.getType()) && schema.getFormat() == null && schema.getEnum() == null;
    }

    private static void add(Operation operation, String status, String name) {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name));
        }
    }

    private static Schema<?> fieldIssue() {
        return new ObjectSchema()
                .description("One failing field (or a warning about it)")
                .addProperty("field", new StringSchema().description("The field, e.g. birthDate or lines[2].amount"))
                .addProperty("code", new StringSchema().description("A stable code, e.g. nik.checksum"))
                .addProperty("message", new StringSchema().description("The sentence, in the caller's language"))
                .required(List.of("field", "code", "message"));
    }

    private static Schema<?> problem() {
        Schema<?> issues = new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldIssue"));
        return new ObjectSchema()
                .description("An RFC 9457 problem detail (application/problem+json). The type is "
                        + INVALID_INPUT_TYPE + " for invalid input and about:blank (the status says what happened, "
                        + "and the field may be left out) for every other problem.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri-reference")
                                .description("The problem type; absent means about:blank (RFC 9457, 3.1.1)"))
                .addProperty("title", new StringSchema().description("Short, in the caller's language"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong, in the caller's language"))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").description("The path asked for"))
                .addProperty(
                        "reference",
                        new StringSchema()
                                .description("A reference to the same failure in the server log (errors answered "
                                        + "after the request left the controller: refusals by role, unknown paths)"))
                .addProperty("errors", issues.description("Invalid input: each failing field"))
                .addProperty(
                        "warnings",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/FieldIssue"))
                                .description("Invalid input: warnings that did not fail the request by themselves"))
                .required(List.of("title", "status"));
    }

    /** The reusable error answers, each with its problem type and an example. */
    static final class Problems {

        private Problems() {}

        static Map<String, ApiResponse> all() {
            Map<String, ApiResponse> all = new LinkedHashMap<>();
            all.put(
                    "Unreadable",
                    response(
                            "The body cannot be read: malformed JSON, or a part of an upload missing (problem type "
                                    + "about:blank)",
                            example(
                                    "about:blank",
                                    "Permintaan tidak dapat dibaca (JSON tidak valid).",
                                    400,
                                    null,
                                    null)));
            all.put(
                    "Unauthorized",
                    response(
                            "No credentials, or wrong ones, or an unknown, revoked or expired API token (problem type "
                                    + "about:blank)",
                            example("about:blank", "Unauthorized", 401, "Sign in with HTTP Basic credentials", null)));
            all.put(
                    "Forbidden",
                    response(
                            "The caller's role or region may not do this (problem type about:blank)",
                            example("about:blank", "Forbidden", 403, "Access Denied", null)));
            all.put(
                    "NotFound",
                    response(
                            "Nothing with this identifier in the caller's view (problem type about:blank)",
                            example("about:blank", "Tidak ditemukan", 404, null, null)));
            all.put(
                    "NotAcceptable",
                    response(
                            "The Accept header excludes every type this operation answers in (problem type "
                                    + "about:blank)",
                            example("about:blank", "Not Acceptable", 406, null, null)));
            Map<String, Object> invalid = example(
                    INVALID_INPUT_TYPE,
                    "Data tidak valid",
                    422,
                    "nik: NIK harus terdiri dari 16 digit angka (yang diisi: 15 karakter).",
                    List.of(Map.of(
                            "field",
                            "nik",
                            "code",
                            "nik.format",
                            "message",
                            "NIK harus terdiri dari 16 digit angka (yang diisi: 15 karakter).")));
            all.put(
                    "InvalidInput",
                    response(
                            "Invalid input: each failing field under errors (problem type " + INVALID_INPUT_TYPE + ")",
                            invalid));
            ApiResponse tooMany = response(
                    "Too many failed sign-ins, or the caller's hourly budget of audited reads is used up; "
                            + "Retry-After says when to try again (problem type about:blank)",
                    example("about:blank", "Too Many Requests", 429, null, null));
            tooMany.addHeaderObject(
                    "Retry-After",
                    new io.swagger.v3.oas.models.headers.Header()
                            .description("Seconds until the caller may try again")
                            .schema(new IntegerSchema()));
            all.put("TooManyRequests", tooMany);
            return all;
        }

        private static ApiResponse response(String description, Map<String, Object> example) {
            return new ApiResponse()
                    .description(description)
                    .content(new Content()
                            .addMediaType(
                                    PROBLEM_JSON,
                                    new MediaType()
                                            .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                            .example(example)));
        }

        private static Map<String, Object> example(
                String type,
                String title,
                int status,
                @Nullable String detail,
                @Nullable List<Map<String, String>> errors) {
            Map<String, Object> example = new LinkedHashMap<>();
            if (!type.equals("about:blank")) { // Spring leaves the default type out
                example.put("type", type);
            }
            example.put("title", title);
            example.put("status", status);
            if (detail != null) {
                example.put("detail", detail);
            }
            if (errors != null) {
                example.put("errors", errors);
            }
            return example;
        }
    }
}
