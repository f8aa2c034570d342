package id.lindung.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Lindung API", version = "1",
        description = "Universal Coverage Jamsostek platform for Kalimantan Barat. Errors are RFC 9457 problem "
                + "details; invalid input lists each failing field under 'errors'. Authenticate with HTTP Basic."))
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {
}
