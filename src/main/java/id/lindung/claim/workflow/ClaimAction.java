package id.lindung.claim.workflow;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A step of the claim workflow as asked for, with what the form or the request body says. Input the service reads
 * itself (an uploaded file's content, the children chosen, a scholarship year's proof) is checked there and reported
 * with the policy's refusal ({@link id.lindung.shared.Decision#orThrow(java.util.List)}).
 */
public sealed interface ClaimAction {

    Kind kind();

    /** The kinds of step, in the order a claim page lists them. */
    enum Kind {
        ADD_DOCUMENT,
        ASSIGN,
        VERIFY,
        CHOOSE_CHILDREN,
        APPROVE,
        REJECT,
        PAY,
        CORRECT_DEATH,
        SCHOLARSHIP_YEAR;

        /** Steps of the decision side (officers and administrators); a document is added by whoever takes claims in. */
        public boolean decision() {
            return this != ADD_DOCUMENT;
        }
    }

    record AddDocument() implements ClaimAction {
        public Kind kind() {
            return Kind.ADD_DOCUMENT;
        }
    }

    /** The officer takes the claim into their own queue. */
    record Assign() implements ClaimAction {
        public Kind kind() {
            return Kind.ASSIGN;
        }
    }

    /** Documents complete and checked on {@code documentsCompleteOn}: the service level runs from that day. */
    record Verify(@Nullable LocalDate documentsCompleteOn) implements ClaimAction {
        public Kind kind() {
            return Kind.VERIFY;
        }
    }

    /** A new choice of the children who get the scholarship plan (the ids are checked by the service). */
    record ChooseChildren() implements ClaimAction {
        public Kind kind() {
            return Kind.CHOOSE_CHILDREN;
        }
    }

    record Approve() implements ClaimAction {
        public Kind kind() {
            return Kind.APPROVE;
        }
    }

    record Reject(@Nullable String reason) implements ClaimAction {
        public Kind kind() {
            return Kind.REJECT;
        }
    }

    /** The payment on {@code paidOn} with the transfer's {@code reference}. */
    record Pay(@Nullable LocalDate paidOn, @Nullable String reference) implements ClaimAction {
        public Kind kind() {
            return Kind.PAY;
        }
    }

    /** The death recorded on approval was an error: put back, for {@code reason}. */
    record CorrectDeath(@Nullable String reason) implements ClaimAction {
        public Kind kind() {
            return Kind.CORRECT_DEATH;
        }
    }

    /** A yearly scholarship on proof of enrolment (child, level and year are checked by the service and the engine). */
    record ScholarshipYear() implements ClaimAction {
        public Kind kind() {
            return Kind.SCHOLARSHIP_YEAR;
        }
    }
}
