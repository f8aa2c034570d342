package id.lindung.participant;

import id.lindung.access.AuditTrail.AuditEntry;
import id.lindung.access.LindungUser;
import id.lindung.privacy.DataReport.Entry;
import id.lindung.privacy.DataReportDraft;
import id.lindung.privacy.DataSubjects;
import id.lindung.privacy.PersonalDataHolder;
import id.lindung.region.RegionDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry in a participant's data report: who the subject is (in the caller's scope), and the sections
 * identity, address, contact, family and businesses, each item with its source: the registration, or the last
 * audited change of that field, or who entered the relative or business.
 */
@Component
class ParticipantPersonalData implements PersonalDataHolder, DataSubjects {

    private final ParticipantManagement participants;
    private final RegionDirectory regions;
    private final JsonMapper json;

    ParticipantPersonalData(ParticipantManagement participants, RegionDirectory regions, JsonMapper json) {
        this.participants = participants;
        this.regions = regions;
        this.json = json;
    }

    @Override
    public DataSubject find(long participantId, LindungUser by) {
        Participant p = participants.get(ParticipantId.ofRequest(participantId), by); // privacy passes the number
        return new DataSubject(p.id(), p.fullName(), p.nik(), p.regionCode());
    }

    @Override
    public List<String> sections() {
        return List.of("identity", "address", "contact", "family", "businesses");
    }

    @Override
    public void contribute(DataReportDraft report) {
        new Sections(report, participants.get(ParticipantId.of(report.subject().participantId()), report.by())).write();
    }

    /** The registry's sections of one report; holds what they share (the participant's audit lines). */
    private final class Sections {

        private final DataReportDraft r;
        private final Participant p;
        private final List<AuditEntry> participantTrail;
        private final String registered;

        Sections(DataReportDraft r, Participant p) {
            this.r = r;
            this.p = p;
            this.participantTrail = r.trail("participant", List.of(Long.toString(p.id())));
            this.registered = participantTrail.stream()
                    .filter(e -> e.action().equals("PARTICIPANT_REGISTERED"))
                    .reduce((newer, older) -> older)
                    .map(e -> r.msg(
                            "privacy.source.registered", e.actor(), r.fmt().dateTime(e.occurredAt())))
                    .orElseGet(() -> r.msg("privacy.source.bulk"));
        }

        void write() {
            identity();
            address();
            contact();
            family();
            businesses();
        }

        private void identity() {
            List<Entry> entries = new ArrayList<>();
            entries.add(field("nik", "field.nik", p.nik()));
            entries.add(field("fullName", "field.fullName", p.fullName()));
            entries.add(field("birthDate", "field.birthDate", r.fmt().date(p.birthDate())));
            entries.add(field("sex", "field.sex", r.msg("sex." + p.sex().name())));
            entries.add(
                    field("status", "field.status", r.msg("status." + p.status().name())));
            if (!p.nikWarnings().isEmpty()) {
                entries.add(new Entry(
                        r.msg("privacy.field.nikWarnings"),
                        String.join(", ", p.nikWarnings()),
                        registered,
                        r.date(p.createdAt())));
            }
            r.section("identity", null, registered, r.date(p.createdAt()), "registry", entries);
        }

        private void address() {
            String code = p.regionCode();
            List<Entry> entries = List.of(
                    field("regionCode", "region.desa", regions.nameOf(code) + " (" + code + ")"),
                    field("regionCode", "region.kecamatan", regions.nameOf(code.substring(0, 8))),
                    field("regionCode", "region.kabkota", regions.nameOf(p.kabKotaCode())),
                    field("regionCode", "privacy.field.province", regions.nameOf(code.substring(0, 2))));
            r.section("address", null, registered, r.date(p.createdAt()), "registry", entries);
        }

        private void contact() {
            List<Entry> entries = new ArrayList<>();
            entries.add(field("phone", "field.phone", p.phone() == null ? "–" : p.phone()));
            entries.add(field("occupation", "field.occupation", p.occupation() == null ? "–" : p.occupation()));
            r.section("contact", null, registered, r.date(p.createdAt()), "registry", entries);
        }

        /** An identity field: its source is the last change of that field, or the registration. */
        private Entry field(String key, String labelCode, String value) {
            for (AuditEntry e : participantTrail) { // newest first
                if (e.action().equals("PARTICIPANT_UPDATED") && changes(e).has(key)) {
                    return new Entry(
                            r.msg(labelCode),
                            value,
                            r.msg("privacy.source.changed", e.actor(), r.fmt().dateTime(e.occurredAt())),
                            r.date(e.occurredAt()));
                }
            }
            return new Entry(r.msg(labelCode), value, registered, r.date(p.createdAt()));
        }

        private void family() {
            List<Relative> relatives = participants.relatives(ParticipantId.of(p.id()), r.by());
            List<AuditEntry> added = participantTrail.stream()
                    .filter(e -> e.action().equals("RELATIVE_ADDED"))
                    .toList();
            List<Entry> entries = new ArrayList<>();
            for (Relative relative : relatives) {
                Optional<AuditEntry> source = added.stream()
                        .filter(e -> relative.fullName()
                                .equals(changes(e).path("fullName").asString("")))
                        .findFirst();
                List<String> parts = new ArrayList<>();
                parts.add(relative.fullName());
                if (relative.nik() != null) {
                    parts.add(r.msg("field.nik") + " " + relative.nik());
                }
                if (relative.birthDate() != null) {
                    parts.add(r.fmt().date(relative.birthDate()));
                }
                String label = r.msg("relation." + relative.relation().name())
                        + (relative.heir() ? " · " + r.msg("field.heir") : "");
                entries.add(new Entry(
                        label,
                        String.join(", ", parts),
                        source.map(e -> r.entered(e.actor(), e.occurredAt())).orElse(registered),
                        source.map(e -> r.date(e.occurredAt())).orElse(r.date(p.createdAt()))));
            }
            boolean children = relatives.stream().anyMatch(x -> x.relation() == RelationType.CHILD);
            r.section(
                    "family",
                    children ? r.msg("privacy.specific.children") : null,
                    DataReportDraft.sourceOf(entries, registered),
                    DataReportDraft.earliest(entries),
                    "registry",
                    entries);
        }

        private void businesses() {
            List<Business> owned = participants.businessesOf(ParticipantId.of(p.id()), r.by());
            Map<String, AuditEntry> registeredBy = r.firstWrites(
                    "business", owned.stream().map(b -> Long.toString(b.id())).toList());
            List<Entry> entries = new ArrayList<>();
            for (Business b : owned) {
                AuditEntry e = registeredBy.get(Long.toString(b.id()));
                Instant since = e == null ? p.createdAt() : e.occurredAt();
                entries.add(new Entry(
                        "NIB " + b.nib(),
                        b.name() + " · KBLI " + b.kbli() + " · "
                                + r.msg("scale." + b.scale().name()) + " · "
                                + r.msg("privacy.field.workers", b.workerCount()),
                        e == null ? registered : r.entered(e.actor(), e.occurredAt()),
                        r.date(since)));
            }
            r.section(
                    "businesses",
                    null,
                    DataReportDraft.sourceOf(entries, registered),
                    DataReportDraft.earliest(entries),
                    "registry",
                    entries);
        }

        private JsonNode changes(AuditEntry e) {
            try {
                return json.readTree(e.changesJson());
            } catch (RuntimeException notJson) {
                return json.missingNode();
            }
        }
    }
}
