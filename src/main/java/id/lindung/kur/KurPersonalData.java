package id.lindung.kur;

import id.lindung.privacy.DataReport.Entry;
import id.lindung.privacy.DataReportDraft;
import id.lindung.privacy.PersonalDataHolder;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * KUR in a participant's data report: the banks' loan rows for their NIK (scheme, plafond, disbursement, branch,
 * match), each with the bank file it first came in and who uploaded it.
 */
@Component
class KurPersonalData implements PersonalDataHolder {

    private final KurLoans kurLoans;

    KurPersonalData(KurLoans kurLoans) {
        this.kurLoans = kurLoans;
    }

    @Override
    public List<String> sections() {
        return List.of("kur");
    }

    @Override
    public void contribute(DataReportDraft r) {
        List<KurLoans.SourcedLoan> loans = kurLoans.ofBorrower(r.subject().nik(), r.by());
        r.trail(
                "kur_loan",
                loans.stream()
                        .map(l -> l.loan().bankCode() + ":" + l.loan().loanId())
                        .toList());
        List<Entry> entries = new ArrayList<>();
        for (KurLoans.SourcedLoan l : loans) {
            KurLoan loan = l.loan();
            entries.add(new Entry(
                    r.msg("privacy.field.loan", loan.bankCode(), loan.loanId()),
                    loan.scheme() + " · "
                            + r.fmt().rupiah(loan.plafond()) + " · " + r.fmt().date(loan.disbursedOn()) + " · "
                            + loan.branch() + " · " + loan.matchStatus(),
                    r.msg(
                            "privacy.source.file",
                            l.fileName(),
                            l.uploadedBy(),
                            r.fmt().dateTime(l.firstReportedAt())),
                    r.date(l.firstReportedAt())));
        }
        r.section("kur", loans.isEmpty() ? null : r.msg("privacy.specific.financial"), "kur-loans", entries);
    }
}
