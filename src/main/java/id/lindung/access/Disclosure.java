package id.lindung.access;

import id.lindung.shared.crypto.NikMask;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * What each role may see of a person, on every surface (API, pages, exports, audit history, KUR lists, claims): one
 * table, in {@code docs/decisions.md} ("Disclosure by role"). Administrators and BPJS officers verify identities and
 * see everything in their scope. Everyone else sees the NIK masked ({@code 610401******0001}) and never the day and
 * month of birth — the six hidden digits of a NIK are the birth date (women: day + 40), so a full birth date shown
 * beside a masked NIK would give it back; they see the year. Government analysts and bank officers see no phone
 * number. Field agents, who take claims in, see heirs' names and relations but their NIK masked and only the last
 * four digits of a bank account, and no health details (diagnoses, invoice descriptions) beyond the amounts.
 */
public final class Disclosure {

    /** Audit-trail fields that carry a birth date, redacted to the year for those who see identities masked. */
    private static final Set<String> BIRTH_FIELDS = Set.of("birthDate", "birth_date", "birth");
    /** Audit-trail fields that carry a phone number, removed for those who see no phone. */
    private static final Set<String> PHONE_FIELDS = Set.of("phone");

    private Disclosure() {}

    /** Whether a role sees identities in full: NIK, birth date, heirs' NIK and bank accounts, health details. */
    public static boolean seesIdentity(Role role) {
        return role == Role.ADMIN || role == Role.OFFICER;
    }

    public static boolean seesIdentity(LindungUser user) {
        return seesIdentity(user.role());
    }

    /** Whether a role sees a participant's phone number (those who contact workers: officers, admins, agents). */
    public static boolean seesPhone(Role role) {
        return seesIdentity(role) || role == Role.AGENT;
    }

    /** The NIK in full or masked. */
    public static @Nullable String nik(@Nullable String nik, LindungUser user) {
        return NikMask.show(nik, seesIdentity(user));
    }

    /** The birth date in full, or null for those who see only the year ({@link #birthYear}). */
    public static @Nullable LocalDate birthDate(@Nullable LocalDate date, LindungUser user) {
        return seesIdentity(user) ? date : null;
    }

    public static @Nullable Integer birthYear(@Nullable LocalDate date) {
        return date == null ? null : date.getYear();
    }

    public static @Nullable String phone(@Nullable String phone, LindungUser user) {
        return seesPhone(user.role()) ? phone : null;
    }

    /** A bank account in full, or its last four digits ({@code ••••1234}). */
    public static @Nullable String bankAccount(@Nullable String account, LindungUser user) {
        if (account == null || seesIdentity(user)) {
            return account;
        }
        String digits = account.strip();
        return "••••" + (digits.length() > 4 ? digits.substring(digits.length() - 4) : "");
    }

    /** Whether a role sees health details (diagnoses, invoice and transport descriptions, disability codes). */
    public static boolean seesHealthDetails(LindungUser user) {
        return seesIdentity(user);
    }

    /**
     * An audit entry's changes as the user may see them: birth dates cut to their year and phone numbers removed
     * for those who may not see them (NIKs are kept masked in the trail for everyone). {@code changesJson} as
     * stored; the result is JSON too.
     */
    public static String auditChanges(String changesJson, LindungUser user, JsonMapper json) {
        if (seesIdentity(user)) {
            return changesJson;
        }
        JsonNode tree = json.readTree(changesJson);
        redact(tree, seesPhone(user.role()));
        return json.writeValueAsString(tree);
    }

    private static void redact(JsonNode node, boolean phone) {
        if (node instanceof ObjectNode object) {
            for (String name : java.util.List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (BIRTH_FIELDS.contains(name)) {
                    object.set(name, yearsOnly(value));
                } else if (!phone && PHONE_FIELDS.contains(name)) {
                    object.remove(name);
                } else {
                    redact(value, phone);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> redact(element, phone));
        }
    }

    /** A date string (or an array of them: before and after) cut to its first four characters, the year. */
    private static JsonNode yearsOnly(JsonNode value) {
        if (value instanceof ArrayNode array) {
            ArrayNode years = array.arrayNode();
            array.forEach(element -> years.add(yearsOnly(element)));
            return years;
        }
        if (value.isString() && value.asString().length() >= 4) {
            return StringNode.valueOf(value.asString().substring(0, 4));
        }
        return value.isNull() ? value : StringNode.valueOf("");
    }
}
