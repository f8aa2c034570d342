package id.lindung.kur;

import id.lindung.contribution.LedgerBatchChanged;
import id.lindung.contribution.ProtectionChanged;
import id.lindung.enrolment.MembershipEnded;
import id.lindung.enrolment.MembershipStarted;
import id.lindung.participant.ParticipantRegistered;
import id.lindung.participant.ParticipantUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each loan's match current, so "protected now" and the work lists follow what happens after the import: a
 * borrower registered, enrolled through any channel, ended, or corrected their name or birth date (events of the
 * participant and enrolment modules, after their transaction commits); and once a night every loan again, for
 * arrears, which come and go with the calendar and payments and no event announces.
 */
@Component
class KurRematch {

    private static final Logger log = LoggerFactory.getLogger(KurRematch.class);

    private final KurMatching matching;

    KurRematch(KurMatching matching) {
        this.matching = matching;
    }

    @ApplicationModuleListener
    void on(ParticipantRegistered event) {
        matching.matchParticipant(event.participantId());
    }

    @ApplicationModuleListener
    void on(ParticipantUpdated event) {
        matching.matchParticipant(event.participantId());
    }

    @ApplicationModuleListener
    void on(MembershipStarted event) {
        if (event.participantId() != null) {
            matching.matchParticipant(event.participantId());
        }
    }

    @ApplicationModuleListener
    void on(MembershipEnded event) {
        if (event.participantId() != null) {
            matching.matchParticipant(event.participantId());
        }
    }

    /** A payment, a lapse or a moved start: the borrower's protection may have changed. */
    @ApplicationModuleListener
    void on(ProtectionChanged event) {
        matching.matchMembership(event.membershipId());
    }

    /** A billing run, a payment file or a history import: every loan again (only changed ones are written). */
    @ApplicationModuleListener
    void on(LedgerBatchChanged event) {
        int changed = matching.matchAll();
        log.info("KUR re-match after {} {}: {} loans changed", event.source(), event.sourceId(), changed);
    }

    /** Every loan, nightly (WIB); {@code lindung.kur.rematch-cron=-} turns it off. */
    @Scheduled(cron = "${lindung.kur.rematch-cron}", zone = "Asia/Pontianak")
    void nightly() {
        long started = System.nanoTime();
        int changed = matching.matchAll();
        log.info("KUR nightly re-match: {} loans changed in {} ms", changed, (System.nanoTime() - started) / 1_000_000);
    }
}
