/**
 * The Bahasa Indonesia web application shell: page layout and navigation (each link only for the roles that can use
 * its page), language switching (Indonesian by default, English on request), the home page per role (the work
 * waiting for the user, read through the feature modules' published services, and the registry counts per kab/kota
 * for analysts and administrators), region pickers for forms, and the OpenAPI description. Feature pages live in
 * their own modules' {@code web} packages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web application")
@org.jspecify.annotations.NullMarked
package id.lindung.web;
