/**
 * The small shared kernel every module may use: outcome types for invalid input naming the field, "not found",
 * the plausible bounds of money and dates ({@link id.lindung.shared.Bounds}), numbers the Indonesian way
 * ({@link id.lindung.shared.Indonesian}), paging, and the mapping of those outcomes to RFC 9457 problem details for the
 * REST API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package id.lindung.shared;
