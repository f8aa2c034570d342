package id.lindung.participant.internal;

import id.lindung.shared.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry's sealed columns, for the key rotation. */
@Configuration(proxyBeanMethods = false)
class SealedParticipantColumns {

    @Bean
    SealedColumn participantNik() {
        return new SealedColumn("participant", "id", "nik_enc", "nik_hash", ParticipantRepository.NIK_INDEX);
    }

    @Bean
    SealedColumn relativeIdentity() {
        return SealedColumn.of("participant_relative", "id", "identity_enc");
    }
}
