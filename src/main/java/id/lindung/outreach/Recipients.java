package id.lindung.outreach;

import id.lindung.shared.crypto.Vault;
import java.util.List;
import java.util.Locale;

/** Recipients in one written form (so that an opt-out matches), sealed and indexed by the Vault. */
final class Recipients {

    static final String COLUMN = "outreach_message.recipient_enc";
    static final String OPT_OUT_COLUMN = "outreach_opt_out.recipient_enc";
    static final String INDEX = "outreach_recipient";

    private Recipients() {}

    /**
     * The recipient as stored: an e-mail address trimmed and in lower case; a phone number with digits only, an
     * Indonesian leading 0 or +62 written as 62. Refuses what is neither.
     */
    static String normalized(Channel channel, String recipient) {
        String r = recipient.strip();
        if (channel == Channel.EMAIL) {
            String mail = r.toLowerCase(Locale.ROOT);
            if (!mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || mail.length() > 254) {
                throw new IllegalArgumentException("not an e-mail address");
            }
            return mail;
        }
        String digits = r.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("0")) {
            digits = "62" + digits.substring(1);
        }
        if (!digits.matches("[0-9]{8,15}")) {
            throw new IllegalArgumentException("not a phone number");
        }
        return digits;
    }

    /**
     * The blind index a row stores, under the current index key: of the recipient alone (the sealed text, so that a
     * key rotation recomputes the same); the channel is a column of its own.
     */
    static byte[] index(Vault vault, String normalized) {
        return vault.index(INDEX, normalized);
    }

    /** The blind indexes a lookup asks for: under every index key held. */
    static List<byte[]> indexes(Vault vault, String normalized) {
        return vault.indexes(INDEX, normalized);
    }
}
