package id.lindung.interop;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The DCI registry core API v1.0.0 as published ({@code src/test/resources/dci/}, see PROVENANCE.md): the schemas of
 * its requests and answers, by JSON pointer into the OpenAPI 3.0 document, validated with the OpenAPI 3.0 dialect.
 */
final class DciSchemas {

    private static final String DOCUMENT = "classpath:dci/registry_core_api_v1.0.0.yaml";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());

    /** The request body of {@code POST /registry/sync/search}. */
    static final Schema SYNC_SEARCH_REQUEST =
            schema("/paths/~1registry~1sync~1search/post/requestBody/content/application~1json/schema");
    /** Its answer (the default response: the on-search message). */
    static final Schema SYNC_SEARCH_RESPONSE =
            schema("/paths/~1registry~1sync~1search/post/responses/default/content/application~1json/schema");
    /** The request body of {@code POST /registry/search}. */
    static final Schema SEARCH_REQUEST =
            schema("/paths/~1registry~1search/post/requestBody/content/application~1json/schema");
    /** The acknowledgement ({@code Response}). */
    static final Schema ACK = schema("/components/responses/Response/content/application~1json/schema");
    /** The HTTP error body ({@code HttpErrorResponse}). */
    static final Schema HTTP_ERROR = schema("/components/responses/HttpErrorResponse/content/application~1json/schema");
    /** The callback Lindung sends ({@code POST /registry/on-search}). */
    static final Schema ON_SEARCH_REQUEST =
            schema("/paths/~1registry~1on-search/post/requestBody/content/application~1json/schema");
    /** The header status reason codes. */
    static final Schema HEADER_REASON = schema("/components/schemas/MsgHeaderStatusReasonCode");
    /** The communication error codes. */
    static final Schema ERROR_CODE = schema("/components/schemas/Error/properties/code");

    private DciSchemas() {}

    private static Schema schema(String pointer) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
        schema.initializeValidators();
        return schema;
    }

    /** The problems of a node against a schema (empty: conforms). */
    static List<String> problems(Schema schema, JsonNode node) {
        return schema.validate(node).stream().map(Error::toString).toList();
    }

    /** The problems of a JSON text against a schema. */
    static List<String> problems(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }
}
