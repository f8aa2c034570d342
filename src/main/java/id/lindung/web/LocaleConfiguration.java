package id.lindung.web;

import id.lindung.shared.Indonesian;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages are Indonesian unless the user picks English ({@code ?lang=en}, remembered in a cookie); API answers follow
 * the {@code Accept-Language} header.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale INDONESIAN = Indonesian.LOCALE;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lindung-lang");
        // pages: Indonesian until the user picks English; the API honours Accept-Language (also in the error
        // dispatch of a failed API call, whose own URI is /error)
        resolver.setDefaultLocaleFunction(
                request -> path(request).startsWith("/api/") && request.getHeader("Accept-Language") != null
                        ? request.getLocale()
                        : INDONESIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** The path asked for: in an error dispatch the failed request's, not {@code /error}. */
    private static String path(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed
                : request.getRequestURI();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        // ?lang=xx_!! (or %00, or a header injection attempt) is ignored like an unknown language, not a 500
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
