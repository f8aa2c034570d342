package id.lindung.sponsorship;

import id.lindung.privacy.DataReport.Entry;
import id.lindung.privacy.DataReportDraft;
import id.lindung.privacy.PersonalDataHolder;
import id.lindung.region.RegionDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Sponsorship in a participant's data report: the programmes that pay (or paid) for them, each with its legal
 * basis, sponsoring region, membership and last month, and where the entry came from: a beneficiary file (which, by
 * whom) or the registry.
 */
@Component
class SponsorshipPersonalData implements PersonalDataHolder {

    private final SponsorshipBeneficiaries sponsorship;
    private final RegionDirectory regions;

    SponsorshipPersonalData(SponsorshipBeneficiaries sponsorship, RegionDirectory regions) {
        this.sponsorship = sponsorship;
        this.regions = regions;
    }

    @Override
    public List<String> sections() {
        return List.of("sponsorship");
    }

    @Override
    public void contribute(DataReportDraft r) {
        List<Entry> entries = new ArrayList<>();
        for (SponsorshipBeneficiaries.Sponsored s :
                sponsorship.programmesOf(r.subject().participantId(), r.by())) {
            String source = "FILE".equals(s.addedFrom())
                    ? r.msg(
                            "privacy.source.file",
                            Objects.toString(s.fileName(), "–"),
                            s.addedBy(),
                            r.fmt().dateTime(s.addedAt()))
                    : r.msg("privacy.source.registry", s.addedBy(), r.fmt().dateTime(s.addedAt()));
            entries.add(new Entry(
                    s.programme(),
                    s.legalBasis() + " · " + regions.nameOf(s.sponsorRegion())
                            + " · " + r.msg("privacy.field.membership", s.membershipId()) + " · "
                            + r.msg("privacy.field.lastMonth", s.lastMonth().toString()),
                    source,
                    r.date(s.addedAt())));
        }
        r.section("sponsorship", null, "sponsorship-beneficiaries", entries);
    }
}
