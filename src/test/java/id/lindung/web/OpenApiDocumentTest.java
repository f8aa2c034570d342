package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.Redocly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document integrators read: it lints clean under Redocly's recommended rules ({@code redocly.yaml}),
 * and the errors the application really sends are the ones it documents (status, media type, schema, problem type).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiDocumentTest {

    private static final String INVALID_INPUT = "https://lindung.id/problems/invalid-input";

    @LocalServerPort
    int port;

    JsonNode document;

    @BeforeEach
    void readTheDocument() {
        ApiClient.Response docs = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        document = docs.json();
    }

    @Test
    void theDocumentLintsCleanUnderTheRecommendedRules() throws Exception {
        Path file = Path.of("target", "openapi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, document.toString());

        Redocly.Result result = Redocly.lint(file);

        assertThat(result.problems()).as("redocly lint target/openapi.json").isEmpty();
        assertThat(result.clean()).isTrue();
    }

    @Test
    void everyApiOperationHasASummaryItsSecurityAndAnErrorAnswer() {
        List<String> missing = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    String name = op.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode operation = op.getValue();
                    if (operation.path("summary").asString("").isBlank()) {
                        missing.add(name + ": summary");
                    }
                    if (!operation.has("security")) {
                        missing.add(name + ": security");
                    }
                    if (operation.path("responses").propertyNames().stream().noneMatch(s -> s.startsWith("4"))) {
                        missing.add(name + ": 4xx");
                    }
                }));
        assertThat(missing).isEmpty();
        assertThat(document.path("paths").has("/api/participants")).isTrue();
        assertThat(document.path("paths").has("/snap/v1.0/transfer-va/payment")).isTrue();
        // pages and the installable app's own calls are not part of the API
        assertThat(document.path("paths").has("/api/drafts/csrf")).isFalse();
        assertThat(document.path("paths").has("/api/public/pesan/berhenti")).isFalse();
        assertThat(document.path("paths").propertyNames())
                .allMatch(p -> p.startsWith("/api/") || p.startsWith("/snap/") || p.startsWith("/dci/"));
    }

    @Test
    void theBankAndPartnerCallsCarryExamples() {
        Map<String, String> calls = Map.of(
                "/snap/v1.0/access-token/b2b", "200",
                "/snap/v1.0/transfer-va/inquiry", "200",
                "/snap/v1.0/transfer-va/payment", "200",
                "/snap/v1.0/transfer-va/status", "200",
                "/api/kur/files", "201",
                "/api/tokens", "201",
                "/api/sponsorship/programmes/{id}/payments", "200",
                "/api/public/cek-perlindungan", "200");
        calls.forEach((path, status) -> {
            JsonNode operation = document.path("paths").path(path).path("post");
            if (!path.equals("/api/kur/files")) { // a file upload: the format is docs/kur-file-format.md
                assertThat(operation.path("requestBody").toString())
                        .as(path + " request")
                        .contains("example");
            }
            assertThat(operation.path("responses").path(status).toString())
                    .as(path + " " + status)
                    .contains("example");
        });
        assertThat(document.path("paths")
                        .path("/api/public/pesan/balasan")
                        .path("post")
                        .path("requestBody")
                        .toString())
                .contains("BERHENTI");
        // what is created answers 201, not the 200 springdoc assumes
        assertThat(document.path("paths")
                        .path("/api/participants")
                        .path("post")
                        .path("responses")
                        .has("201"))
                .isTrue();
    }

    @Test
    void realProblemAnswersAreTheDocumentedOnes() {
        ApiClient admin = ApiClient.as(port, "admin");
        ApiClient agent = ApiClient.as(port, "agen.ketapang");
        ApiClient anonymous = ApiClient.anonymous(port);

        documented("get", "/api/participants", anonymous.get("/api/participants?nik=6104"), 401, "about:blank");
        documented("get", "/api/admin/keys", agent.get("/api/admin/keys"), 403, "about:blank");
        documented("get", "/api/participants/{id}", admin.get("/api/participants/987654321"), 404, "about:blank");
        documented("post", "/api/participants", admin.post("/api/participants", "{\"nik\": "), 400, "about:blank");
        documented(
                "post",
                "/api/participants",
                admin.post("/api/participants", ApiClient.json("nik", "12345")),
                422,
                INVALID_INPUT);
        documented("get", "/api/holidays", admin.get("/api/holidays?from=gisteren"), 422, INVALID_INPUT);
        documented(
                "get",
                "/api/regions",
                ApiClient.anonymous(port).withHeader("Accept", "text/csv").get("/api/regions"),
                406,
                "about:blank");
    }

    @Test
    void aRealSnapRefusalIsTheDocumentedOne() {
        ApiClient.Response refused = ApiClient.anonymous(port).post("/snap/v1.0/access-token/b2b", "{}");

        assertThat(refused.status()).isEqualTo(400);
        JsonNode media = mediaOf("post", "/snap/v1.0/access-token/b2b", 400, "application/json");
        JsonNode schema = schemaOf(media);
        assertThat(refused.json().propertyNames())
                .isSubsetOf(schema.path("properties").propertyNames());
        assertThat(refused.json().path("responseCode").asString()).isEqualTo("4007302");
        assertThat(media.path("examples").properties())
                .anyMatch(e -> e.getValue()
                        .path("value")
                        .path("responseCode")
                        .asString()
                        .equals("4007302"));
    }

    /** The answer is one the document lists for the operation: same status, media type, fields and problem type. */
    private void documented(String method, String path, ApiClient.Response answer, int status, String type) {
        assertThat(answer.status())
                .as(method + " " + path + ": " + answer.text())
                .isEqualTo(status);
        assertThat(answer.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode media = mediaOf(method, path, status, "application/problem+json");
        JsonNode schema = schemaOf(media);
        JsonNode body = answer.json();
        assertThat(body.propertyNames()).isSubsetOf(schema.path("properties").propertyNames());
        for (JsonNode required : schema.path("required")) {
            assertThat(body.has(required.asString()))
                    .as(required.asString() + " in " + body)
                    .isTrue();
        }
        Map<String, Function<JsonNode, Boolean>> types =
                Map.of("string", JsonNode::isString, "integer", JsonNode::isIntegralNumber, "array", JsonNode::isArray);
        body.properties()
                .forEach(field -> assertThat(types.get(schema.path("properties")
                                        .path(field.getKey())
                                        .path("type")
                                        .asString())
                                .apply(field.getValue()))
                        .as(field.getKey())
                        .isTrue());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        // RFC 9457: no type means about:blank
        assertThat(body.path("type").asString("about:blank")).isEqualTo(type);
        assertThat(media.path("example").path("type").asString("about:blank")).isEqualTo(type);
        if (type.equals(INVALID_INPUT)) {
            assertThat(body.path("errors")).isNotEmpty();
        }
    }

    private JsonNode mediaOf(String method, String path, int status, String mediaType) {
        JsonNode response =
                document.path("paths").path(path).path(method).path("responses").path(Integer.toString(status));
        assertThat(response.isMissingNode())
                .as(method + " " + path + " documents " + status)
                .isFalse();
        response = resolve(response);
        JsonNode media = response.path("content").path(mediaType);
        assertThat(media.isMissingNode())
                .as(method + " " + path + " " + status + " in " + mediaType)
                .isFalse();
        return media;
    }

    private JsonNode schemaOf(JsonNode media) {
        JsonNode schema = resolve(media.path("schema"));
        assertThat(schema.path("properties").isObject()).isTrue();
        return schema;
    }

    private JsonNode resolve(JsonNode node) {
        Set<String> seen = new java.util.HashSet<>();
        while (node.has("$ref") && seen.add(node.path("$ref").asString())) {
            JsonNode target = document;
            for (String part : node.path("$ref").asString().substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }
}
