package id.lindung.access.authz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The running application's own endpoint list: every handler method of every Spring MVC
 * {@link RequestMappingInfoHandlerMapping} (our controllers, springdoc's and actuator's), one {@link Endpoint} per
 * HTTP method and path pattern. A handler that takes any method is listed once with the method {@code *}.
 */
public final class Endpoints {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)(?::[^}]*)?}");

    private Endpoints() {}

    /**
     * One handler method for one HTTP method and path pattern. {@code consumes}: the media types it declares it
     * reads (empty: any); {@code multipart}: it takes an uploaded file, so a form must be sent as multipart.
     */
    public record Endpoint(String method, String pattern, Set<String> consumes, boolean multipart, String handler) {

        /** {@code GET /api/participants/{id}}: the key of the expectation table. */
        public String key() {
            return method + " " + pattern;
        }

        /** Whether the REST API's security chain answers it (HTTP Basic or tokens, problem details). */
        public boolean api() {
            return pattern.equals("/api") || pattern.startsWith("/api/");
        }

        public boolean reads() {
            return method.equals("GET") || method.equals("HEAD");
        }

        /** The names of the path variables, in order ({@code /klaim/{id:\d+}} has {@code id}). */
        public List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        public boolean consumesJson() {
            return consumes.isEmpty() || consumes.stream().anyMatch(c -> c.contains("json"));
        }

        public boolean consumesMultipart() {
            return multipart || consumes.contains(MediaType.MULTIPART_FORM_DATA_VALUE);
        }

        @Override
        public String toString() {
            return key() + (consumes.isEmpty() ? "" : " consumes " + consumes) + " (" + handler + ")";
        }
    }

    /** Every endpoint, sorted by pattern, then method, then what it consumes. */
    public static List<Endpoint> of(ApplicationContext context) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> add(endpoints, info, handler));
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern)
                .thenComparing(Endpoint::method)
                .thenComparing(e -> String.join(",", e.consumes())));
        return List.copyOf(new java.util.LinkedHashSet<>(endpoints));
    }

    /** A path with each variable replaced by {@code value(name)}, URL-encoded. */
    public static String expand(String pattern, java.util.function.Function<String, String> value) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = value.apply(m.group(1));
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void add(List<Endpoint> endpoints, RequestMappingInfo info, HandlerMethod handler) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        TreeSet<String> consumes = new TreeSet<>();
        info.getConsumesCondition().getConsumableMediaTypes().forEach(t -> consumes.add(t.toString()));
        boolean multipart = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
        String name = handler.getBeanType().getSimpleName() + "."
                + handler.getMethod().getName();
        List<String> names = methods.isEmpty()
                ? List.of("*")
                : methods.stream().map(Enum::name).sorted().toList();
        for (String pattern : info.getPatternValues()) {
            for (String method : names) {
                endpoints.add(new Endpoint(
                        method, pattern, java.util.Collections.unmodifiableSortedSet(consumes), multipart, name));
            }
        }
    }
}
