/**
 * Who may do what, where: users with one role and one region scope (the country, a province or one kab/kota), form
 * login for people, bearer API tokens for machines (a token acts as its user; HTTP Basic for trying the API), and
 * the append-only audit trail that records every write (who, when, what changed), every read of a participant's full
 * record, claim or statement, and every export. Other modules ask {@link id.lindung.access.CurrentUser} for the
 * caller and write to {@link id.lindung.access.AuditTrail}. The first administrator of an installation gets the home
 * province ({@code region.RegionProperties}; national when it is empty) as scope; the demo data module creates the
 * demo users through {@link id.lindung.access.UserProvisioning}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access control and audit")
@org.jspecify.annotations.NullMarked
package id.lindung.access;
