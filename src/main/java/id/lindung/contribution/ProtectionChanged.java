package id.lindung.contribution;

import id.lindung.enrolment.MembershipId;

/**
 * Published after a transaction changed the ledger of one membership (bills created, a payment allocated, a
 * lapse): its protected months ({@code contribution_protected_month_v}) may differ. Readers re-read that membership.
 */
public record ProtectionChanged(MembershipId membershipId) {}
