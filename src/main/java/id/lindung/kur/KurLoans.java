package id.lindung.kur;

import id.lindung.access.LindungUser;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.PageResult;
import id.lindung.shared.crypto.Vault;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reading the loans: a bank's people and tokens see their bank's loans only (all regions); BPJS and government
 * users see every bank's loans in their region scope.
 */
@Service
public class KurLoans {

    static final Set<String> STATUSES = Set.of("PROTECTED", "LAPSED", "NOT_ENROLLED", "DECEASED");

    private final JdbcClient jdbc;
    private final KurBanks banks;
    private final Vault vault;

    KurLoans(JdbcClient jdbc, KurBanks banks, Vault vault) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.vault = vault;
    }

    public PageResult<KurLoan> search(
            @Nullable String bank, @Nullable String status, boolean mandatoryOnly, int page, int size, LindungUser by) {
        String own = banks.bankOf(by).orElse(null);
        String b = bank == null || bank.isBlank() ? null : bank.trim().toUpperCase(Locale.ROOT);
        if (own != null) {
            if (b != null && !b.equals(own)) {
                throw new ForbiddenException("kur.bank.not-yours", b, own);
            }
            b = own;
        }
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            throw new InvalidInputException(FieldIssue.error("status", "kur.status.unknown", s));
        }
        String scope = own != null ? "" : by.scope().code();
        int p = Math.max(page, 0);
        int n = Math.min(Math.max(size, 1), 200);
        // a status asked for holds only the matches the caller may see: one out of scope is "registered elsewhere"
        String where = """

                 WHERE region_code LIKE :scope AND (CAST(:bank AS varchar) IS NULL OR bank_code = :bank)
                   AND (CAST(:status AS varchar) IS NULL OR match_status = :status AND """ + MATCH_IN_SCOPE + """
                   )
                   AND (NOT :mandatory OR mandatory)""";
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM kur_loan" + where + " LIMIT 10001) x")
                .param("scope", scope + "%")
                .param("bank", b)
                .param("status", s)
                .param("mandatory", mandatoryOnly)
                .param("me", by.scope().code() + "%")
                .query(Long.class)
                .single();
        var items = jdbc.sql("SELECT kur_loan.*, " + PARTICIPANT_REGION + " AS participant_region FROM kur_loan" + where
                        + " ORDER BY disbursed_on DESC, bank_code, loan_id LIMIT :limit OFFSET :offset")
                .param("scope", scope + "%")
                .param("bank", b)
                .param("status", s)
                .param("mandatory", mandatoryOnly)
                .param("me", by.scope().code() + "%")
                .param("limit", n)
                .param("offset", (long) p * n)
                .query((rs, i) -> seenBy(loan(rs), rs.getString("participant_region"), by))
                .list();
        return new PageResult<>(items, p, n, Math.min(total, 10_000), total > 10_000);
    }

    /** The region of the participant a {@code kur_loan} row is matched to, through the registry's published view. */
    static final String PARTICIPANT_REGION = "(SELECT pi.region_code FROM participant_identity_v pi"
            + " WHERE pi.participant_id = kur_loan.participant_id)";

    /**
     * A {@code kur_loan} row is unmatched or matched to a participant inside the scope given as {@code :me} (a region
     * code prefix with {@code %}).
     */
    static final String MATCH_IN_SCOPE = "(kur_loan.participant_id IS NULL OR EXISTS (SELECT 1"
            + " FROM participant_identity_v pi WHERE pi.participant_id = kur_loan.participant_id"
            + " AND pi.region_code LIKE :me))";

    /**
     * A loan as {@code by} may see it: the NIK masked by role, and a match to a participant outside {@code by}'s
     * region scope reduced to {@link KurLoan#REGISTERED_ELSEWHERE} (issue 16: out-of-scope existence shows nothing
     * more than that the registry knows the NIK).
     */
    static KurLoan seenBy(KurLoan loan, @Nullable String participantRegion, LindungUser by) {
        KurLoan shown = loan.disclosedTo(by);
        return shown.participantId() != null
                        && (participantRegion == null || !by.scope().includes(participantRegion))
                ? shown.elsewhere()
                : shown;
    }

    /** The column a loan's NIK is sealed for (the bank's copy; the registry has its own). */
    static final String NIK_COLUMN = id.lindung.kur.internal.KurFileReader.NIK_COLUMN;

    /** A loan with the bank file it first came in (the source a borrower's data report names). */
    record SourcedLoan(
            KurLoan loan,
            String fileName,
            java.time.Instant firstReportedAt,
            String uploadedBy,
            java.time.Instant updatedAt) {}

    /**
     * A borrower's loans by NIK (their data report), seen as {@link #search} sees them: a bank's people their bank's
     * loans only, everyone else the loans in their region scope.
     */
    java.util.List<SourcedLoan> ofBorrower(String nik, LindungUser by) {
        String own = banks.bankOf(by).orElse(null);
        return jdbc.sql("""
                SELECT l.*, f.file_name, f.uploaded_at, f.uploaded_by FROM kur_loan l
                  JOIN kur_file f ON f.id = l.first_file_id
                 WHERE l.nik_hash = ANY (CAST(:nik AS bytea[])) AND l.region_code LIKE :scope
                   AND (CAST(:bank AS varchar) IS NULL OR l.bank_code = :bank)
                 ORDER BY l.disbursed_on, l.bank_code, l.loan_id""")
                .param(
                        "nik",
                        vault.indexes(id.lindung.kur.internal.KurFileReader.NIK_INDEX, nik)
                                .toArray(byte[][]::new))
                .param("scope", (own != null ? "" : by.scope().code()) + "%")
                .param("bank", own)
                .query((rs, i) -> new SourcedLoan(
                        loan(rs),
                        rs.getString("file_name"),
                        rs.getTimestamp("uploaded_at").toInstant(),
                        rs.getString("uploaded_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** A loan row ({@code SELECT *} of kur_loan), its NIK opened. */
    KurLoan loan(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new KurLoan(
                rs.getString("bank_code"),
                rs.getString("loan_id"),
                rs.getString("branch"),
                Objects.requireNonNull(vault.openText(rs.getBytes("nik_enc"), NIK_COLUMN)),
                rs.getString("name"),
                rs.getObject("birth_date", java.time.LocalDate.class),
                rs.getString("scheme"),
                rs.getLong("plafond"),
                rs.getObject("disbursed_on", java.time.LocalDate.class),
                rs.getString("sector"),
                rs.getString("region_code"),
                rs.getBoolean("mandatory"),
                rs.getObject("participant_id") == null ? null : rs.getLong("participant_id"),
                rs.getString("match_status"),
                rs.getBoolean("enrolled_at_disbursement"),
                rs.getBoolean("name_mismatch"),
                rs.getBoolean("birth_mismatch"));
    }
}
