package id.lindung.contribution;

import id.lindung.access.AuditTrail.AuditEntry;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.participant.ParticipantId;
import id.lindung.privacy.DataReport.Entry;
import id.lindung.privacy.DataReportDraft;
import id.lindung.privacy.PersonalDataHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Contributions in a participant's data report: per membership the bills of its statement as one line (how many,
 * which months, owed and paid), and every payment with its channel, reference and who recorded it.
 */
@Component
class ContributionPersonalData implements PersonalDataHolder {

    private final EnrolmentManagement enrolment;
    private final Statements statements;

    ContributionPersonalData(EnrolmentManagement enrolment, Statements statements) {
        this.enrolment = enrolment;
        this.statements = statements;
    }

    @Override
    public List<String> sections() {
        return List.of("contributions");
    }

    @Override
    public void contribute(DataReportDraft r) {
        List<Entry> entries = new ArrayList<>();
        List<String> paymentIds = new ArrayList<>();
        List<Payment> allPayments = new ArrayList<>();
        for (Membership m : enrolment.membershipsOf(ParticipantId.of(r.subject().participantId()), r.by())) {
            Statement s = statements.statement(MembershipId.of(m.id()), r.today(), r.by());
            List<Bill> bills = s.bills();
            if (!bills.isEmpty()) {
                long amount = bills.stream().mapToLong(Bill::amount).sum();
                long paid = bills.stream().mapToLong(Bill::paid).sum();
                entries.add(new Entry(
                        r.msg("privacy.field.bills", m.id()),
                        r.msg(
                                "privacy.field.billsValue",
                                bills.size(),
                                bills.get(0).period().toString(),
                                bills.get(bills.size() - 1).period().toString(),
                                r.fmt().rupiah(amount),
                                r.fmt().rupiah(paid)),
                        r.msg("privacy.source.billing"),
                        bills.get(0).period().atDay(1)));
            }
            for (Payment pay : s.payments()) {
                paymentIds.add(Long.toString(pay.id()));
                allPayments.add(pay);
            }
        }
        Map<String, AuditEntry> recorded = r.firstWrites("payment", paymentIds);
        for (Payment pay : allPayments) {
            AuditEntry e = recorded.get(Long.toString(pay.id()));
            String source =
                    r.msg("privacy.source.payment", pay.channel(), pay.reference() == null ? "–" : pay.reference())
                            + (e == null ? "" : "; " + r.entered(e.actor(), e.occurredAt()));
            entries.add(new Entry(
                    r.msg("privacy.field.payment"),
                    r.fmt().rupiah(pay.amount()) + " · " + r.fmt().date(pay.paidOn()) + " · " + pay.status(),
                    source,
                    pay.paidOn()));
        }
        r.section("contributions", r.msg("privacy.specific.financial"), "contributions", entries);
    }
}
