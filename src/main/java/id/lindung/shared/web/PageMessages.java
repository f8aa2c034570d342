package id.lindung.shared.web;

import id.lindung.shared.CodedException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.Indonesian;
import id.lindung.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Messages for server-rendered pages, in the request's language. */
@Component
public class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** A message by code (the code itself when unknown). */
    public String message(String code, @Nullable Object... args) {
        return Objects.requireNonNull(messages.getMessage(code, args, code, LocaleContextHolder.getLocale()));
    }

    /** A binding's error (a value that is no date or number) in the request's language. */
    public String message(MessageSourceResolvable error) {
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }

    /**
     * A refusal as lines for the page: per error, the field's label ({@code fieldLabels + field}, when there is one
     * and the text does not start with it already) and the reason; other coded refusals by their code; anything
     * else as "not found".
     */
    public List<String> refusal(RuntimeException e, String fieldLabels) {
        Locale locale = LocaleContextHolder.getLocale();
        if (e instanceof InvalidInputException invalid) {
            List<String> lines = new ArrayList<>();
            for (FieldIssue issue : invalid.issues()) {
                if (!issue.isError()) {
                    continue;
                }
                String text = Objects.requireNonNull(
                        messages.getMessage(issue.code(), issue.args().toArray(), issue.code(), locale));
                String label = messages.getMessage(fieldLabels + issue.field(), null, null, locale);
                boolean named = label == null || text.toLowerCase(locale).startsWith(label.toLowerCase(locale));
                lines.add(named ? text : label + ": " + text);
            }
            return lines.isEmpty() ? List.of(message("problem.invalid-input")) : lines;
        }
        if (e instanceof CodedException coded) {
            return List.of(message(coded.code(), coded.args()));
        }
        return List.of(message("problem.not-found"));
    }

    /** The locale numbers and dates are formatted in: British English for English, Indonesian otherwise. */
    public static Locale formatLocale() {
        return Indonesian.formatLocale(LocaleContextHolder.getLocale());
    }
}
