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

    public MembershipCard {
        programmes = List.copyOf(programmes);
    }

    public boolean isProtected() {
        return protectedUntil != null;
    }
}
