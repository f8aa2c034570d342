package id.lindung.contribution;

import id.lindung.contribution.internal.PaymentFileReader;
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
    private static final Pattern BUSINESS_NUMBER = Pattern.compile("9\\d{10}");

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

    /**
     * The customer number of an UMKM business's VA: '9', the business id in 9 digits and a Luhn check digit, so it
     * never meets a membership number (those start with '2').
     */
    public String businessNumber(long businessId) {
        if (businessId <= 0 || businessId > 999_999_999L) {
            throw new IllegalArgumentException("business id out of the VA's range: " + businessId);
        }
        String body = "9" + String.format("%09d", businessId);
        for (int d = 0; ; d++) {
            if (PaymentFileReader.luhn(body + d)) {
                return body + d;
            }
        }
    }

    /** The business a VA number names (its check digit right), or empty. Spaces as for a membership's. */
    public Optional<Long> businessIdOf(String virtualAccount) {
        String va = virtualAccount.stripLeading();
        if (!va.startsWith(partnerServiceId)) {
            return Optional.empty();
        }
        String customer = va.substring(partnerServiceId.length());
        return BUSINESS_NUMBER.matcher(customer).matches() && PaymentFileReader.luhn(customer)
                ? Optional.of(Long.parseLong(customer.substring(1, 10)))
                : Optional.empty();
    }

    /** The customer number of one of our VA numbers, a membership's or a business's, or empty. */
    public Optional<String> customerNumberOf(String virtualAccount) {
        return membershipNumberOf(virtualAccount)
                .or(() -> businessIdOf(virtualAccount).map(this::businessNumber));
    }
}
