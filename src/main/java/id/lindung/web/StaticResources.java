package id.lindung.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files by explicit paths: Lindung's own under {@code /css/**} and {@code /js/**}, the webjars (htmx, ECharts)
 * under {@code /webjars/**} by version-agnostic paths, each resolution cached. Spring Boot's default mapping of
 * {@code /**} is off ({@code spring.web.resources.add-mappings=false}): with the webjars' resource chain on, every
 * link a page writes ({@code th:href}, {@code th:action}) is first looked up as a static file under the patterns of
 * the resource handlers ({@code ResourceUrlEncodingFilter}); {@code /**} matched every link, so each link of each
 * page searched the whole class path under the class loader's lock, and a miss is never cached. The soak run found it
 * (docs/benchmarks.md): 39,000 waits for that lock in 90 s at 30 requests a second.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .resourceChain(true);
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .resourceChain(true);
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
