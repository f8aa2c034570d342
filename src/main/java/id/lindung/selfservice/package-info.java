/**
 * Workers themselves, from a phone (issue 19): sign-in with a one-time code sent to the phone on their participant
 * record, self-registration as BPU after a code proves the phone, and their own pages under {@code /saya} (profile
 * masked, memberships, what is owed with its virtual account, protection, the digital card, stopping reminders). The
 * session is the access module's worker session; registration and enrolment go through the participant and enrolment
 * services with the worker as actor; codes leave only through the outreach module's outbox (docs/decisions.md, "Worker sign-in and
 * self-registration").
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Worker self-service",
        allowedDependencies = {"access", "participant", "enrolment", "contribution", "region", "outreach", "shared"})
@org.jspecify.annotations.NullMarked
package id.lindung.selfservice;
