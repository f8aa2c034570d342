package id.lindung.kur;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.shared.ForbiddenException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may write what in the KUR channel, in one place (docs/decisions.md, "Write policy"): importing files, handing
 * loans to agents, and the enrol action. The enrol action's relationship check happens here and nowhere else: a bank
 * officer acts only on their own bank's loan whose borrower is matched to the registry, an agent only on a work-list
 * row handed to them, officers and administrators on any loan in their scope. What passes becomes the
 * {@link KurBorrower} fact enrolment checks the membership's terms against ({@code enrolment.EnrolmentPolicy}).
 */
@Component
public class KurPolicy {

    /**
     * Whether a user who acts for no bank may import (any bank's file): officers and administrators whose scope is a
     * whole province or the country. A file's rows may lie anywhere, so a kab/kota scope is not enough.
     */
    public boolean mayImportAnyBank(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER) && by.provinceWide();
    }

    /** Handing loans to field agents: officers and administrators. */
    public boolean mayAssign(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER);
    }

    public void checkAssign(LindungUser by) {
        if (!mayAssign(by)) {
            throw new ForbiddenException("kur.assign.role", by.role().name());
        }
    }

    /** Whether the work list offers the enrol action to this user at all. */
    public boolean mayEnrol(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER, Role.AGENT, Role.BANK_OFFICER);
    }

    /**
     * May {@code by} run the enrol action on {@code loan} (already found in the caller's view: a bank's people see
     * only their bank's loans)? 403 otherwise; what passes is handed to enrolment as a {@link KurBorrower}.
     *
     * @param ownBank the bank the caller acts for, if any
     * @param assignedAgent the agent the loan is handed to, if any
     */
    public void checkEnrol(LindungUser by, KurLoan loan, @Nullable String ownBank, @Nullable String assignedAgent) {
        ForbiddenException refusal = enrolRefusal(by, loan, ownBank, assignedAgent);
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * Whether the work list offers {@code by} the enrol action on this row: exactly when {@link #checkEnrol} and, for
     * a borrower not yet in the registry, {@link #checkRegisterBorrower} would let it through (a bank is not shown a
     * form it would fill in only to be refused).
     */
    public boolean offersEnrol(LindungUser by, KurLoan loan, @Nullable String ownBank, @Nullable String assignedAgent) {
        return enrolRefusal(by, loan, ownBank, assignedAgent) == null
                && (loan.participantId() != null || registersBorrowers(by));
    }

    private static @Nullable ForbiddenException enrolRefusal(
            LindungUser by, KurLoan loan, @Nullable String ownBank, @Nullable String assignedAgent) {
        return switch (by.role()) {
            case ADMIN, OFFICER -> null;
            case BANK_OFFICER ->
                ownBank == null || !ownBank.equals(loan.bankCode())
                        ? new ForbiddenException("kur.bank.not-yours", loan.bankCode(), ownBank == null ? "-" : ownBank)
                        : null;
            case AGENT ->
                by.username().equals(assignedAgent) ? null : new ForbiddenException("policy.kur.agent.not-assigned");
            case GOV_ANALYST ->
                new ForbiddenException("access.role.read-only", by.role().name());
        };
    }

    /**
     * Before a borrower who is not in the registry is registered by the enrol action: banks do not write the
     * registry (an officer or the agent the row is handed to registers them).
     */
    public void checkRegisterBorrower(LindungUser by) {
        if (!registersBorrowers(by)) {
            throw new ForbiddenException("policy.kur.bank.not-registered");
        }
    }

    private static boolean registersBorrowers(LindungUser by) {
        return by.role() != Role.BANK_OFFICER;
    }
}
