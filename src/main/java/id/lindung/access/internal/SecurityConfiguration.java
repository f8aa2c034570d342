package id.lindung.access.internal;

import id.lindung.access.WorkerSessions;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The staff's chains; workers' own pages have one of their own ({@link #worker}). {@code /api/**}: API tokens
 * ({@code Bearer}, see {@link BearerTokenFilter}) and HTTP Basic for API clients (no session created; CSRF not needed
 * when the request was authenticated by a valid token or valid Basic credentials, see {@link HeaderAuthentication})
 * and the browser session for the UI's own calls (CSRF required); failures answer as problem details. Everything
 * else: form login, CSRF on, Indonesian login page. Both: sign-in through the {@link LoginThrottle}, the same
 * security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** BCrypt with the configured cost, stored with its {@code {bcrypt}} prefix (Spring's delegating format). */
    @Bean
    PasswordEncoder passwordEncoder(LoginProperties login) {
        return new DelegatingPasswordEncoder(
                "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(login.bcryptStrength())));
    }

    /** Username and password (form and Basic) through the login throttle; the only provider, so Boot adds no other. */
    @Bean
    AuthenticationProvider throttledPasswords(
            UserAccounts users, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    /**
     * Bank Indonesia's SNAP services for banks ({@code /snap/**}, issue 19): machine to machine, authenticated by the
     * bank's signatures in the controller; no session, no cookie, no CSRF token, no Basic or form login.
     */
    @Bean
    @Order(0)
    SecurityFilterChain snap(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher("/snap/**"));
    }

    /**
     * The DCI registry API for partner programmes ({@code /dci/**}, issue 20): machine to machine, authenticated by
     * the partner's signed bearer token and message signature in the controller; no session, no cookie, no CSRF.
     */
    @Bean
    @Order(0)
    SecurityFilterChain dci(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher("/dci/**"));
    }

    /**
     * The public API (issue 19: "Cek perlindungan", the card keys): no sign-in, no session, so no CSRF token either;
     * it answers from what the request carries only and ignores any session or credentials.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicApi(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher("/api/public/**"));
    }

    /** A chain open to all that keeps no session and reads none: who calls is settled by the controller, or nobody. */
    private static SecurityFilterChain stateless(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::secureHeaders);
        return http.build();
    }

    /**
     * Workers' own pages ({@code /saya/**}, issue 19): signed in with a one-time code ({@link WorkerSessions}), their
     * context kept apart from the staff's, so neither kind of session opens the other's pages. A staff session is
     * refused here outright (403), sign-in and registration included; CSRF and security headers as for staff.
     */
    @Bean
    @Order(1)
    SecurityFilterChain worker(HttpSecurity http) throws Exception {
        http.securityMatcher("/saya/**")
                .securityContext(context -> context.securityContextRepository(WorkerSessions.repository()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/saya/login", "/saya/login/**", "/saya/daftar", "/saya/daftar/**", "/saya/wilayah")
                        .permitAll()
                        .anyRequest()
                        .hasRole("WORKER"))
                .addFilterBefore(new StaffSessionRefusal(), SecurityContextHolderFilter.class)
                .exceptionHandling(
                        ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/saya/login")))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.logoutUrl("/saya/keluar")
                        .logoutSuccessUrl("/saya/login?keluar")
                        .addLogoutHandler(new HeaderWriterLogoutHandler(
                                new ClearSiteDataHeaderWriter(ClearSiteDataHeaderWriter.Directive.STORAGE)))
                        .permitAll())
                .headers(SecurityConfiguration::secureHeaders);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, JdbcApiTokens tokens, MessageSource messages, Clock clock)
            throws Exception {
        AccessDeniedHandler forbidden = (request, response, e) ->
                problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", e.getMessage());
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/api/regions", "/api/regions/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.securityContextRepository(HeaderAuthentication.MARKING)
                        .authenticationEntryPoint((request, response, e) -> {
                            if (e instanceof LoginLockedException locked) {
                                long seconds = Math.max(
                                        1,
                                        Duration.between(clock.instant(), locked.until())
                                                .toSeconds());
                                response.setHeader("Retry-After", Long.toString(seconds));
                                problem(response, 429, "Too Many Requests", lockedMessage(messages, clock, locked));
                            } else {
                                problem(
                                        response,
                                        HttpServletResponse.SC_UNAUTHORIZED,
                                        "Unauthorized",
                                        "Sign in with HTTP Basic credentials");
                            }
                        }))
                .exceptionHandling(ex -> ex.accessDeniedHandler(forbidden))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // CSRF is checked after authentication (below), not before it where Spring puts it
                .csrf(csrf -> csrf.disable())
                // API tokens (Authorization: Bearer lkt_…) before Basic: a bad token answers 401, no fallback
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterAfter(
                        HeaderAuthentication.csrfUnlessAuthenticatedByHeader(forbidden),
                        BasicAuthenticationFilter.class)
                .headers(SecurityConfiguration::secureHeaders);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico",
                                "/sw.js",
                                "/manifest.webmanifest",
                                "/cek-perlindungan",
                                "/verifikasi-kartu",
                                "/error",
                                "/actuator/health/**",
                                "/actuator/health",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .permitAll()
                        .failureHandler(loginFailure()))
                // the device forgets the agent's drafts and the service worker's caches with the session (issue 18)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout")
                        .addLogoutHandler(new HeaderWriterLogoutHandler(
                                new ClearSiteDataHeaderWriter(ClearSiteDataHeaderWriter.Directive.STORAGE)))
                        .permitAll())
                .httpBasic(Customizer.withDefaults())
                .headers(SecurityConfiguration::secureHeaders);
        return http.build();
    }

    /**
     * A locked username or address goes back to the login page, which shows the time it may try again. The page
     * learns it from the server only: the username tried is kept in the session and the page asks the throttle
     * whether it (or the address) is locked now; the address says nothing.
     */
    private static AuthenticationFailureHandler loginFailure() {
        AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (e instanceof LoginLockedException) {
                String username = request.getParameter("username");
                request.getSession().setAttribute(LoginController.LOCKED_USERNAME, username == null ? "" : username);
                response.sendRedirect(request.getContextPath() + "/login?locked");
            } else {
                wrongPassword.onAuthenticationFailure(request, response, e);
            }
        };
    }

    static String lockedMessage(MessageSource messages, Clock clock, LoginLockedException locked) {
        String time = DateTimeFormatter.ofPattern("HH:mm").format(locked.until().atZone(clock.getZone()));
        return Objects.requireNonNull(messages.getMessage(
                "login.locked",
                new Object[] {time},
                "Too many sign-in attempts; try again after " + time,
                LocaleContextHolder.getLocale()));
    }

    /**
     * The same headers on every response of both chains. No inline script may run ({@code script-src 'self'});
     * inline styles stay allowed because templates, htmx and ECharts set style attributes. Swagger UI's page
     * ({@code /swagger-ui/**}) runs under the same policy.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static void secureHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions ->
                        permissions.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .frameOptions(frame -> frame.deny());
    }

    static void problem(HttpServletResponse response, int status, String title, @Nullable String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String safe = detail == null ? "" : detail.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + safe + "\"}");
    }
}
