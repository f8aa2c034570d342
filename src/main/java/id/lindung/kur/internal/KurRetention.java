package id.lindung.kur.internal;

import id.lindung.shared.retention.ExpiringData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the KUR module keeps for a limited time ({@code kur-loans} in the privacy module's retention rules): the
 * banks' loan rows (borrower's NIK, name, birth date, plafond), counted from the disbursement date, and the rows of
 * the files' error reports (which may quote a borrower's NIK), counted from the file's upload. The file records
 * themselves (name, hash, counts, uploader) stay: they hold no borrower's data.
 */
@Configuration(proxyBeanMethods = false)
class KurRetention {

    @Bean
    ExpiringData kurLoanRetention(JdbcClient jdbc, Clock clock) {
        return ExpiringData.of("kur-loans", cutoff -> {
            int loans = jdbc.sql("DELETE FROM kur_loan WHERE disbursed_on < ?")
                    .param(LocalDate.ofInstant(cutoff, clock.getZone()))
                    .update();
            int errors = jdbc.sql("""
                    DELETE FROM kur_file_error e USING kur_file f WHERE e.file_id = f.id AND f.uploaded_at < ?""").param(Timestamp.from(cutoff)).update();
            return (long) loans + errors;
        });
    }
}
