package id.lindung.shared.web;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The reader's words for a code ({@code ${@codes.label(m.channel())}}): an enum constant is looked up as the message
 * {@code code.<enum's simple name>.<constant>} (e.g. {@code code.Channel.GOV_SPONSOR}), in the bundles of every module
 * (messages.properties for shared enums). The enums labelled before this helper keep their older keys
 * ({@link #EARLIER}: {@code sex.L}, {@code channel.AGENT}, ...), looked up second. A code without a message shows as
 * itself, which the language scan (LanguageInBrowserTest) reports.
 */
@Component("codes")
public class Codes {

    /** The enums whose labels already had a key of their own, by simple name: that key's prefix. */
    static final Map<String, String> EARLIER = Map.of(
            "Sex", "sex.",
            "ParticipantStatus", "status.",
            "RelationType", "relation.",
            "BusinessScale", "scale.",
            "Role", "role.",
            "Segment", "segment.",
            "Channel", "channel.",
            "EndReason", "endReason.");

    private final MessageSource messages;

    Codes(MessageSource messages) {
        this.messages = messages;
    }

    /** The label of an enum constant in the current locale; empty for null. */
    public String label(@Nullable Enum<?> code) {
        return code == null ? "" : label(code.getDeclaringClass().getSimpleName(), code.name());
    }

    /** The label of a code given by its enum's simple name and the constant's name (as stored in text). */
    public String label(String type, @Nullable String constant) {
        return label(type, constant, LocaleContextHolder.getLocale());
    }

    /** The label in a given locale (exports, letters). */
    public String label(String type, @Nullable String constant, Locale locale) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String earlier = EARLIER.get(type);
        String fallback = earlier == null ? constant : messages.getMessage(earlier + constant, null, constant, locale);
        return Objects.requireNonNull(messages.getMessage("code." + type + "." + constant, null, fallback, locale));
    }
}
