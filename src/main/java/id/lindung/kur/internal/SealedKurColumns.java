package id.lindung.kur.internal;

import id.lindung.shared.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The KUR loans' sealed NIKs, for the key rotation (kur_loan is keyed by bank and loan id: walked by ctid). */
@Configuration(proxyBeanMethods = false)
class SealedKurColumns {

    @Bean
    SealedColumn kurLoanNik() {
        return SealedColumn.indexed("kur_loan", "ctid", "nik_enc", "nik_hash", KurFileReader.NIK_INDEX);
    }
}
