/**
 * The reporting copy: read-only work (dashboards, exports, look-ups) reads a second PostgreSQL kept current by
 * logical replication, through {@link id.lindung.shared.reporting.ReportingJdbc}, which also says how fresh it is.
 * Off by default: everything reads the primary.
 */
@org.jspecify.annotations.NullMarked
package id.lindung.shared.reporting;
