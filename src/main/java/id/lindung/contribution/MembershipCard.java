package id.lindung.contribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A digital membership card (issue 19): what it shows and the signed statement its QR code carries. {@code token}
 * is a compact JWS (EdDSA, Ed25519) over {@code number}, {@code initials}, {@code programmes}, {@code protectedUntil}
 * and the issue time; {@code protectedUntil} is null when the member is not protected on {@code issuedOn}.
 */
public record MembershipCard(
        long membershipId,
        String number,
        String initials,
        List<String> programmes,
        @Nullable LocalDate protectedUntil,
        LocalDate issuedOn,
        Instant issuedAt,
        String kid,
        String token) {

    /** The public page that checks a card's statement; the QR code points at it with the token in the fragment. */
    public static final String VERIFY_PATH = "/verifikasi-kartu";

    public MembershipCard {
        programmes = List.copyOf(programmes);
    }

    public boolean isProtected() {
        return protectedUntil != null;
    }

    /**
     * What the QR code carries: the verification page under {@code origin} (e.g. {@code https://host}) with the token
     * in the fragment, which a browser never sends to a server.
     */
    public String verifyUrl(String origin) {
        return origin + VERIFY_PATH + "#" + token;
    }
}
