package id.lindung.access;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who a user is where they sign a document (a claim decision letter): their full name and position (jabatan). Read
 * only; the name and position are the ones on record now.
 */
public interface Signatories {

    /** The user of this username, or empty when there is none (e.g. {@code system}, or a removed user). */
    Optional<Signatory> of(String username);

    /** {@code position}: null when none is on record (the document then names the {@code role}). */
    record Signatory(
            String username, String fullName, @Nullable String position, Role role) {}
}
