package id.lindung.participant;

/**
 * The registry's published read interface for set-based readers in other modules, the SQL view
 * {@code participant_identity_v}: {@code participant_id, nik_hash, nik_enc, full_name, name_key, birth_date,
 * region_code}. The NIK is there only as its blind index (to match by, with {@code Vault.index(NIK_INDEX, nik)}) and
 * sealed (to show, with {@code Vault.openText(nik_enc, NIK_COLUMN)}).
 */
public final class IdentityView {

    /** The column the sealed NIK is bound to. */
    public static final String NIK_COLUMN = "participant.nik_enc";
    /** The kind of the NIK's blind index (shared with every table that matches by NIK). */
    public static final String NIK_INDEX = "nik";

    private IdentityView() {}
}
