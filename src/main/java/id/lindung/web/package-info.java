/**
 * The Bahasa Indonesia web application shell: page layout and navigation, language switching (Indonesian by
 * default, English on request), the home page with registry counts per kab/kota, region pickers for forms, and the
 * OpenAPI description. Feature pages live in their own modules' {@code web} packages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web application")
@org.jspecify.annotations.NullMarked
package id.lindung.web;
