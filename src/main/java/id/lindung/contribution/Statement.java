package id.lindung.contribution;

import id.lindung.enrolment.Membership;
import java.util.List;

/** A membership's account: its status on a date, every bill with its lines, every payment. */
public record Statement(Membership membership, MembershipStatus status, List<Bill> bills, List<Payment> payments) {

    public Statement {
        bills = List.copyOf(bills);
        payments = List.copyOf(payments);
    }
}
