package id.lindung.shared.web;

import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;

/**
 * A page form's post: when the binding or the service refuses it, the form again with the reasons, each next to the
 * field it concerns or above the form; a refusal of the whole (e.g. a region outside the caller's scope) answers 403.
 */
public final class FormPosts {

    private FormPosts() {}

    /**
     * {@code save}'s redirect, or {@code formAgain} when the binding has errors or the service refuses the input
     * ({@code fields}: the form's own fields) or the caller.
     */
    public static String post(
            BindingResult binding,
            HttpServletResponse response,
            Set<String> fields,
            Supplier<String> save,
            Supplier<String> formAgain) {
        if (binding.hasErrors()) {
            return formAgain.get();
        }
        try {
            return save.get();
        } catch (InvalidInputException e) {
            reject(binding, e.issues(), fields);
            return formAgain.get();
        } catch (ForbiddenException e) {
            forbidden(binding, e, response);
            return formAgain.get();
        }
    }

    /** The errors among {@code issues}: on {@code fields} next to the field, the others above the form. */
    public static void reject(BindingResult binding, List<FieldIssue> issues, Set<String> fields) {
        for (FieldIssue issue : issues) {
            if (!issue.isError()) {
                continue;
            }
            if (fields.contains(issue.field())) {
                binding.rejectValue(issue.field(), issue.code(), issue.args().toArray(), issue.code());
            } else {
                binding.reject(issue.code(), issue.args().toArray(), issue.code());
            }
        }
    }

    /** The caller may not do it: 403, and the form again with the reason above it. */
    public static void forbidden(BindingResult binding, ForbiddenException e, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        binding.reject(e.code(), e.args(), e.code());
    }
}
