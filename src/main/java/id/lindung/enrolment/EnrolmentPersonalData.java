package id.lindung.enrolment;

import id.lindung.access.AuditTrail.AuditEntry;
import id.lindung.participant.ParticipantId;
import id.lindung.privacy.DataReport.Entry;
import id.lindung.privacy.DataReportDraft;
import id.lindung.privacy.PersonalDataHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Enrolment in a participant's data report: their memberships (segment, programmes, period, the last declared
 * income or wage, government-paid), each with the channel it came through and who enrolled them.
 */
@Component
class EnrolmentPersonalData implements PersonalDataHolder {

    private final EnrolmentManagement enrolment;

    EnrolmentPersonalData(EnrolmentManagement enrolment) {
        this.enrolment = enrolment;
    }

    @Override
    public List<String> sections() {
        return List.of("memberships");
    }

    @Override
    public void contribute(DataReportDraft r) {
        List<Membership> memberships =
                enrolment.membershipsOf(ParticipantId.of(r.subject().participantId()), r.by());
        Map<String, AuditEntry> started = r.firstWrites(
                "membership",
                memberships.stream().map(m -> Long.toString(m.id())).toList());
        List<Entry> entries = new ArrayList<>();
        for (Membership m : memberships) {
            AuditEntry e = started.get(Long.toString(m.id()));
            List<String> parts = new ArrayList<>();
            parts.add(m.segment().name() + " "
                    + m.programmes().stream().sorted().map(Programme::name).collect(Collectors.joining(", ")));
            parts.add(r.msg(
                    "privacy.field.period",
                    m.startMonth().toString(),
                    m.endMonth() == null
                            ? r.msg("privacy.field.open")
                            : m.endMonth().toString()));
            if (!m.bases().isEmpty()) {
                Membership.Base last = m.bases().get(m.bases().size() - 1);
                parts.add(r.msg(
                        "privacy.field.base",
                        r.fmt().rupiah(last.amount()),
                        last.effectiveFrom().toString()));
            }
            if (m.governmentPaid()) {
                parts.add(r.msg("privacy.field.governmentPaid"));
            }
            String channel = r.msg("privacy.channel." + m.channel().name());
            entries.add(new Entry(
                    r.msg("privacy.field.membership", m.id()),
                    String.join(" · ", parts),
                    r.msg(
                            "privacy.source.channel",
                            channel,
                            e == null ? r.msg("privacy.source.bulk") : r.entered(e.actor(), e.occurredAt())),
                    m.startMonth().atDay(1)));
        }
        r.section("memberships", null, "contributions", entries);
    }
}
