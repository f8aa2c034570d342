package id.lindung.contribution;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Virtual account numbers as Bank Indonesia's SNAP defines them ({@code virtualAccountNo}): the partner service id,
 * left-padded with spaces to 8 characters, then the customer number, here the membership number (11 digits). The
 * partner service id is configured ({@code lindung.contribution.va-partner-service-id}). A bank transfers to it and
 * names it in its payment file; issue 19 answers SNAP's inquiry and payment on it (docs/decisions.md, "Membership
 * number and virtual account").
 */
@Component
public class VirtualAccounts {

    private static final Pattern MEMBERSHIP_NUMBER = Pattern.compile("2\\d{10}");

    private final String partnerServiceId;

    VirtualAccounts(ContributionProperties properties) {
        this.partnerServiceId = properties.vaPartnerServiceId();
    }

    /** The partner service id as SNAP sends it: 8 characters, left-padded with spaces. */
    public String partnerServiceId() {
        return " ".repeat(8 - partnerServiceId.length()) + partnerServiceId;
    }

    /** The VA number of a membership number. */
    public String number(String membershipNumber) {
        return partnerServiceId() + membershipNumber;
    }

    /**
     * The membership number a VA number names, or empty when it is not one of ours. The leading spaces are optional:
     * a spreadsheet or a bank's file often drops them.
     */
    public Optional<String> membershipNumberOf(String virtualAccount) {
        String va = virtualAccount.stripLeading();
        if (!va.startsWith(partnerServiceId)) {
            return Optional.empty();
        }
        String customer = va.substring(partnerServiceId.length());
        return MEMBERSHIP_NUMBER.matcher(customer).matches() ? Optional.of(customer) : Optional.empty();
    }
}
