package id.lindung.participant.internal;

import id.lindung.participant.SearchCriteria;
import id.lindung.shared.crypto.SealedColumn;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry's sealed columns, for the key rotation. */
@Configuration(proxyBeanMethods = false)
class SealedParticipantColumns {

    @Bean
    SealedColumn participantNik() {
        return new SealedColumn(
                "participant",
                "id",
                "nik_enc",
                List.of(
                        SealedColumn.BlindIndex.of("nik_hash", ParticipantRepository.NIK_INDEX),
                        new SealedColumn.BlindIndex(
                                "nik_tail_hash", ParticipantRepository.NIK_TAIL_INDEX, SearchCriteria.NIK_TAIL)));
    }

    @Bean
    SealedColumn relativeIdentity() {
        return SealedColumn.of("participant_relative", "id", "identity_enc");
    }
}
