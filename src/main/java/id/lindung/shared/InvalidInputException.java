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

    /** Throws when any of {@code issues} is an error; warnings alone pass. */
    public static void throwIfErrors(List<FieldIssue> issues) {
        if (issues.stream().anyMatch(FieldIssue::isError)) {
            throw new InvalidInputException(issues);
        }
    }

    public List<FieldIssue> issues() {
        return issues;
    }
}
