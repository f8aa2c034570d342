package id.lindung.shared;

import java.util.List;

/** Input was rejected; every issue names its field. Nothing was written. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldIssue> issues;

    public InvalidInputException(List<FieldIssue> issues) {
        super("invalid input: " + issues);
        this.issues = List.copyOf(issues);
    }

    public InvalidInputException(FieldIssue issue) {
        this(List.of(issue));
    }

    public List<FieldIssue> issues() {
        return issues;
    }
}
