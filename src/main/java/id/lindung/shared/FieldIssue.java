package id.lindung.shared;

import java.util.List;

/**
 * One problem with one input field: the field name as the API and the form call it, a message code
 * (resolved in the user's language) with its arguments, and whether it blocks the write.
 */
public record FieldIssue(String field, String code, List<Object> args, Severity severity) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public FieldIssue {
        args = List.copyOf(args);
    }

    public static FieldIssue error(String field, String code, Object... args) {
        return new FieldIssue(field, code, List.of(args), Severity.ERROR);
    }

    public static FieldIssue warning(String field, String code, Object... args) {
        return new FieldIssue(field, code, List.of(args), Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
