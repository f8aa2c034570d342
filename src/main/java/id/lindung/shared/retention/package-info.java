/**
 * The retention contract between the modules that hold personal data and the privacy module's retention job
 * ({@link id.lindung.shared.retention.ExpiringData}).
 */
@org.jspecify.annotations.NullMarked
package id.lindung.shared.retention;
