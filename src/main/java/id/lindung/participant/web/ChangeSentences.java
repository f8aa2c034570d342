package id.lindung.participant.web;

import id.lindung.access.AuditTrail.AuditEntry;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.web.Codes;
import id.lindung.shared.web.Formats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A participant's change history as sentences in the reader's language ("Alamat diubah dari … menjadi …") instead
 * of the trail's JSON. It reads the changes as the reader may see them (after {@code Disclosure.auditChanges}):
 * NIKs stay masked as the trail keeps them, birth dates cut to their year stay a year, removed fields stay away.
 */
@Component
class ChangeSentences {

    /** A line of the history with its sentences. */
    record ShownChange(AuditEntry entry, List<String> sentences) {}

    /** The enum behind a field whose value is a code. */
    private static final Map<String, String> CODES = Map.of(
            "sex", "Sex",
            "status", "ParticipantStatus",
            "relation", "RelationType",
            "scale", "BusinessScale");

    private static final Set<String> DATES = Set.of("birthDate", "dateOfDeath");

    private final MessageSource messages;
    private final RegionDirectory regions;
    private final Codes codes;
    private final Formats formats;
    private final JsonMapper json;

    ChangeSentences(MessageSource messages, RegionDirectory regions, Codes codes, Formats formats, JsonMapper json) {
        this.messages = messages;
        this.regions = regions;
        this.codes = codes;
        this.formats = formats;
        this.json = json;
    }

    /** Each line with its sentences, in the trail's order. */
    List<ShownChange> of(List<AuditEntry> entries) {
        return entries.stream().map(e -> new ShownChange(e, sentences(e))).toList();
    }

    List<String> sentences(AuditEntry entry) {
        List<String> out = new ArrayList<>();
        JsonNode changes;
        try {
            changes = json.readTree(entry.changesJson());
        } catch (RuntimeException e) {
            return List.of(entry.changesJson());
        }
        if (changes == null || !changes.isObject()) {
            return out;
        }
        for (String field : changes.propertyNames()) {
            JsonNode value = changes.get(field);
            String label = label(field);
            if (value.isArray() && value.size() == 2) {
                String before = value(field, value.get(0));
                String after = value(field, value.get(1));
                if (value.get(0).isNull()) {
                    out.add(text("history.sentence.set", label, after));
                } else if (value.get(1).isNull()) {
                    out.add(text("history.sentence.cleared", label, before));
                } else {
                    out.add(text("history.sentence.changed", label, before, after));
                }
            } else if (!value.isNull()) {
                out.add(text("history.sentence.value", label, value(field, value)));
            }
        }
        return out;
    }

    private String label(String field) {
        String own = messages.getMessage("history.field." + field, null, null, LocaleContextHolder.getLocale());
        if (own != null) {
            return own;
        }
        return text("field." + field);
    }

    private String value(String field, @Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return text("history.value.none");
        }
        if (node.isBoolean()) {
            return text(node.asBoolean() ? "history.value.yes" : "history.value.no");
        }
        String raw = node.isValueNode() ? node.asString() : node.toString();
        if (CODES.containsKey(field)) {
            return codes.label(CODES.get(field), raw);
        }
        if (field.equals("regionCode")) {
            return regions.nameOf(raw) + " (" + raw + ")";
        }
        if (DATES.contains(field) && raw.length() == 10) {
            try {
                return formats.date(LocalDate.parse(raw));
            } catch (DateTimeParseException e) {
                return raw;
            }
        }
        return raw.isEmpty() ? text("history.value.none") : raw;
    }

    private String text(String code, Object... args) {
        return Objects.requireNonNull(messages.getMessage(code, args, code, LocaleContextHolder.getLocale()));
    }
}
