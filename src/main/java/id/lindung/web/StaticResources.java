package id.lindung.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files by explicit paths: Lindung's own under {@code /css/**} and {@code /js/**}, the webjars (htmx, ECharts)
 * under {@code /webjars/**} by version-agnostic paths, each resolution cached. Spring Boot's default mapping of
 * {@code /**} is off ({@code spring.web.resources.add-mappings=false}): with the webjars' resource chain on, every
 * link a page writes ({@code th:href}, {@code th:action}) is first looked up as a static file under the patterns of
 * the resource handlers ({@code ResourceUrlEncodingFilter}); {@code /**} matched every link, so each link of each
 * page searched the whole class path under the class loader's lock, and a miss is never cached. The soak run found it
 * (docs/benchmarks.md): 39,000 waits for that lock in 90 s at 30 requests a second.
 *
 * <p>Every page links its files by a name that carries the MD5 of the content ({@code /css/lindung-<md5>.css}): the
 * browser keeps such a file for a year without asking again ({@code immutable}), and a new release has new names. A
 * file asked for by its plain name (an old bookmark, a test) is answered too, but must be revalidated. Compression
 * (gzip) is Tomcat's ({@code server.compression.*}); see docs/decisions.md, "Pages on a weak connection". Icons are
 * under {@code /img/**} alike. The service worker's script and the web app manifest are not served here:
 * {@link InstallableApp} answers them, never versioned and always revalidated.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    /** A file name with the content's MD5 before the extension, as {@link VersionResourceResolver} writes it. */
    private static final Pattern VERSIONED = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

    static final String FOREVER = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .resourceChain(true)
                .addResolver(byContent());
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .resourceChain(true)
                .addResolver(byContent());
        registry.addResourceHandler("/img/**")
                .addResourceLocations("classpath:/static/img/")
                .resourceChain(true)
                .addResolver(byContent());
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(byContent())
                .addResolver(new LiteWebJarsResourceResolver());
    }

    private static VersionResourceResolver byContent() {
        return new VersionResourceResolver().addContentVersionStrategy("/**");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StaticCaching()).addPathPatterns("/css/**", "/js/**", "/img/**", "/webjars/**");
    }

    /** Sets how long the browser may keep a static file, before the resource handler answers. */
    static final class StaticCaching implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof ResourceHttpRequestHandler) {
                response.setHeader(
                        HttpHeaders.CACHE_CONTROL,
                        VERSIONED.matcher(request.getRequestURI()).matches() ? FOREVER : REVALIDATE);
            }
            return true;
        }
    }
}
