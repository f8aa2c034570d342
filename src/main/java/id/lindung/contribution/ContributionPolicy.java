package id.lindung.contribution;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.Segment;
import id.lindung.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who may write what in contributions, in one place (docs/decisions.md, "Write policy"): payments one by one
 * (officers and administrators any membership in their scope; field agents the first contributions of informal
 * workers, BPU memberships in their scope), payment files and the history import (officers and administrators),
 * the billing run (officers and administrators of the whole province), rate corrections (administrators). Banks and
 * government analysts write nothing here. Region scope is the services' reads ({@code EnrolmentManagement.membership}).
 */
@Component
public class ContributionPolicy {

    /** Whether the role records payments at all (the payment form). */
    public boolean mayPay(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER, Role.AGENT);
    }

    public void checkPay(LindungUser by) {
        if (!mayPay(by)) {
            throw new ForbiddenException("access.role.read-only", by.role().name());
        }
    }

    /** A payment for this membership: an agent collects from informal workers (BPU) only, never an employer's. */
    public void checkPayFor(LindungUser by, Membership m) {
        checkPay(by);
        if (by.role() == Role.AGENT && m.segment() != Segment.BPU) {
            throw new ForbiddenException("policy.pay.agent-bpu", m.segment().name());
        }
    }

    /** Whether this membership's page offers the payment form to the user. */
    public boolean mayPayFor(LindungUser by, Membership m) {
        return mayPay(by) && (by.role() != Role.AGENT || m.segment() == Segment.BPU);
    }

    /** Bank payment files and the contribution history import: officers and administrators. */
    public boolean mayImport(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER);
    }

    public void checkImport(LindungUser by) {
        if (!mayImport(by)) {
            throw new ForbiddenException("access.role.read-only", by.role().name());
        }
    }

    /** The billing run covers every membership: officers and administrators of the whole province or country. */
    public boolean mayRunBilling(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER) && by.provinceWide();
    }

    /** Correcting unconfirmed rate figures: administrators. */
    public boolean mayCorrectRates(LindungUser by) {
        return by.is(Role.ADMIN);
    }
}
