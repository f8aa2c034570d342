package id.lindung.sponsorship.workflow;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A change to a sponsorship programme as asked for, with what the form or the request body says. */
public sealed interface SponsorshipAction {

    Kind kind();

    /** The kinds of change a programme page offers. */
    enum Kind {
        ADD_BENEFICIARIES,
        PAY_BILL,
        END
    }

    /** Beneficiaries from a file or the registry. */
    record AddBeneficiaries() implements SponsorshipAction {
        public Kind kind() {
            return Kind.ADD_BENEFICIARIES;
        }
    }

    /**
     * The consolidated bill of {@code month} paid on {@code paidOn} (null: today): {@code lines} are the members'
     * bills of the month as billed.
     */
    record PayBill(@Nullable YearMonth month, @Nullable LocalDate paidOn, List<BillLine> lines)
            implements SponsorshipAction {

        public PayBill {
            lines = List.copyOf(lines);
        }

        public Kind kind() {
            return Kind.PAY_BILL;
        }
    }

    /** One member's bill of the month: its amount and what is paid of it. */
    record BillLine(long membershipId, long amount, long paid) {

        public long open() {
            return amount - paid;
        }
    }

    /** The programme ends after {@code lastMonth} (null: its end month); {@code action}: END or HAND_OVER. */
    record End(@Nullable YearMonth lastMonth, @Nullable String action) implements SponsorshipAction {
        public Kind kind() {
            return Kind.END;
        }
    }
}
