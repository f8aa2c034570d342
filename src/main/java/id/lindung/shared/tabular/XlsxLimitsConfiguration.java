package id.lindung.shared.tabular;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The XLSX upload limits as a bean, for the services that read uploaded workbooks. */
@Configuration(proxyBeanMethods = false)
class XlsxLimitsConfiguration {

    @Bean
    XlsxLimits xlsxLimits(XlsxProperties properties) {
        return properties.limits();
    }
}
