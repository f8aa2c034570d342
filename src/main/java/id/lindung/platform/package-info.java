/**
 * Runtime plumbing that every module stands on and none depends on by type: the embedded PostgreSQL server
 * (started and stopped with the application unless an external server is configured), the business clock
 * (Asia/Pontianak) and web locale handling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package id.lindung.platform;
