/**
 * Runtime plumbing that every module stands on and none depends on by type: the embedded PostgreSQL server
 * (started and stopped with the application in demo mode and the tests, unless an external server is configured;
 * with neither the start stops and says what to set), the business clock (Asia/Pontianak) and web locale handling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
@org.jspecify.annotations.NullMarked
package id.lindung.platform;
