package id.lindung.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
                                        + "(429 with Retry-After)."))
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "lkt_…")
class OpenApiConfiguration {

    /** Every operation that accepts HTTP Basic accepts an API token as well. */
    @Bean
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
                            var withBearer = new java.util.ArrayList<>(security);
                            withBearer.add(new SecurityRequirement().addList("bearerAuth"));
                            operation.setSecurity(withBearer);
                        }
                    }));
        };
    }
}
