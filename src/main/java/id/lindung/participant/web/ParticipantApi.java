package id.lindung.participant.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.BulkReads;
import id.lindung.access.CurrentUser;
import id.lindung.access.Disclosure;
import id.lindung.access.LindungUser;
import id.lindung.access.NikDisplay;
import id.lindung.participant.Business;
import id.lindung.participant.DuplicateCandidate;
import id.lindung.participant.NewBusiness;
import id.lindung.participant.NewRelative;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.ParticipantStatus;
import id.lindung.participant.ParticipantSummary;
import id.lindung.participant.RegionCount;
import id.lindung.participant.RegistrationResult;
import id.lindung.participant.Relative;
import id.lindung.participant.SearchCriteria;
import id.lindung.participant.Sex;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the participant registry. Every call is confined to the caller's region scope. */
@RestController
@RequestMapping("/api")
@Tag(name = "Peserta", description = "Participant registry: workers, family, UMKM businesses")
@SecurityRequirement(name = "basicAuth")
class ParticipantApi {

    private final ParticipantManagement participants;
    private final RegionDirectory regions;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final NikDisplay nik;
    private final tools.jackson.databind.json.JsonMapper json;
    private final BulkReads bulkReads;

    ParticipantApi(
            ParticipantManagement participants,
            RegionDirectory regions,
            CurrentUser currentUser,
            AuditTrail audit,
            MessageSource messages,
            NikDisplay nik,
            tools.jackson.databind.json.JsonMapper json,
            BulkReads bulkReads) {
        this.json = json;
        this.bulkReads = bulkReads;
        this.participants = participants;
        this.regions = regions;
        this.currentUser = currentUser;
        this.audit = audit;
        this.messages = messages;
        this.nik = nik;
    }

    /** A participant as the API shows it, with the names of its regions. */
    /** {@code birthDate} is null, and {@code phone} too, where the caller may not see them ({@link Disclosure}). */
    record ParticipantResponse(
            long id,
            String nik,
            String fullName,
            @Nullable LocalDate birthDate,
            int birthYear,
            Sex sex,
            String regionCode,
            String desa,
            String kecamatan,
            String kabKota,
            @Nullable String phone,
            @Nullable String occupation,
            ParticipantStatus status,
            List<Message> nikWarnings,
            Instant createdAt,
            Instant updatedAt,
            int version) {}

    record Message(String field, String code, String message) {}

    record RegistrationResponse(
            ParticipantResponse participant, List<Message> warnings, List<Long> possibleDuplicates) {}

    record UpdateRequest(
            @Nullable String nik,
            @Nullable String fullName,
            @Nullable LocalDate birthDate,
            @Nullable Sex sex,
            @Nullable String regionCode,
            @Nullable String phone,
            @Nullable String occupation,
            @Nullable ParticipantStatus status,
            @Nullable Integer version) {}

    @PostMapping("/participants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register a worker",
            description = "Checks the NIK rules (16 digits, known province and "
                    + "kab/kota, birth date and sex encoded in the NIK, serial not 0000); an unknown kecamatan is a warning. "
                    + "Answers 422 with the failing fields, 403 outside the caller's region scope.")
    ResponseEntity<RegistrationResponse> register(@RequestBody ParticipantDetails details) {
        RegistrationResult result = participants.register(details, user());
        Participant p = result.participant();
        return ResponseEntity.created(URI.create("/api/participants/" + p.id()))
                .body(new RegistrationResponse(response(p), messages(result.warnings()), result.possibleDuplicates()));
    }

    @GetMapping("/participants")
    @Operation(
            summary = "Search participants by the NIK (whole, or its last 4+ digits; exactly 4 for roles that see NIKs"
                    + " masked), a part of the name (its start for 1-2 letters) and region code prefix, one page at a"
                    + " time",
            description = "Each page is audited (LIST_READ with the filter and row count) and counts against the "
                    + "rows the caller's role may read per hour: past it, 429 with Retry-After.")
    PageResult<ParticipantSummary> search(
            @RequestParam(required = false) String nik,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        LindungUser me = user();
        PageResult<ParticipantSummary> result =
                participants.search(new SearchCriteria(nik, name, region), page, size, me);
        bulkReads.listed(
                "participants",
                me.scope().narrow(region).orElse(me.scope().code()),
                ParticipantPages.searchFilter("api", nik, name, region, page, size),
                result.items().size());
        return result.map(s -> s.disclosedTo(me));
    }

    @GetMapping("/participants/{id}")
    @Operation(summary = "One participant (the read is audited: PARTICIPANT_VIEWED)")
    ParticipantResponse get(@PathVariable long id) {
        Participant p = participants.get(ParticipantId.ofRequest(id), user());
        viewed(p, "api");
        return response(p);
    }

    @PutMapping("/participants/{id}")
    @Operation(
            summary = "Change a participant",
            description = "Send the whole record; give the version you read to "
                    + "be told (422, field 'version') when someone else changed it meanwhile.")
    ParticipantResponse update(@PathVariable long id, @RequestBody UpdateRequest request) {
        ParticipantDetails details = new ParticipantDetails(
                request.nik(),
                request.fullName(),
                request.birthDate(),
                request.sex(),
                request.regionCode(),
                request.phone(),
                request.occupation(),
                request.status());
        return response(participants.update(ParticipantId.ofRequest(id), details, request.version(), user()));
    }

    @GetMapping("/participants/{id}/history")
    @Operation(summary = "Audit trail of a participant: who changed what, when")
    List<AuditTrail.AuditEntry> history(@PathVariable long id) {
        viewed(participants.get(ParticipantId.ofRequest(id), user()), "api-history");
        LindungUser me = user();
        return audit.history("participant", Long.toString(id)).stream()
                .map(e -> e.withChanges(Disclosure.auditChanges(e.changesJson(), me, json)))
                .toList();
    }

    @GetMapping("/participants/{id}/relatives")
    @Operation(summary = "Family members (heirs, children)")
    List<Relative> relatives(@PathVariable long id) {
        ParticipantId participant = ParticipantId.ofRequest(id);
        viewed(participants.get(participant, user()), "api-relatives");
        LindungUser me = user();
        return participants.relatives(participant, me).stream()
                .map(r -> r.disclosedTo(me))
                .toList();
    }

    @PostMapping("/participants/{id}/relatives")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a family member")
    ResponseEntity<Relative> addRelative(@PathVariable long id, @RequestBody NewRelative relative) {
        Relative saved = participants.addRelative(ParticipantId.ofRequest(id), relative, user());
        saved = saved.disclosedTo(user());
        return ResponseEntity.created(URI.create("/api/participants/" + id + "/relatives"))
                .body(saved);
    }

    @GetMapping("/participants/{id}/businesses")
    @Operation(summary = "UMKM businesses the participant owns")
    List<Business> businesses(@PathVariable long id) {
        return participants.businessesOf(ParticipantId.ofRequest(id), user());
    }

    @PostMapping("/businesses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an UMKM business (NIB 13 digits, KBLI 5 digits, owner a participant)")
    ResponseEntity<Business> registerBusiness(@RequestBody NewBusiness business) {
        Business saved = participants.registerBusiness(business, user());
        return ResponseEntity.created(URI.create("/api/participants/" + saved.ownerId() + "/businesses"))
                .body(saved);
    }

    @GetMapping("/participants/duplicates")
    @Operation(
            summary = "Open possible duplicates: same name and birth date with different NIKs (reason"
                    + " NAME_BIRTH_DATE), or NIKs equal but for white space around one (NIK_WHITESPACE)")
    PageResult<DuplicateCandidate> duplicates(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        LindungUser me = user();
        PageResult<DuplicateCandidate> open = participants.openDuplicates(page, size, me);
        // two participants a pair
        bulkReads.listed(
                "participant-duplicates",
                me.scope().code(),
                BulkReads.filter("view", "api", "page", page, "size", size),
                2L * open.items().size());
        return open.map(d -> new DuplicateCandidate(
                d.newer().disclosedTo(me), d.older().disclosedTo(me),
                d.detectedAt(), d.reason()));
    }

    @PostMapping("/participants/duplicates/{id}/{otherId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Resolve a possible duplicate: confirmed=true (same person) or false (two people)")
    ResponseEntity<Void> resolve(@PathVariable long id, @PathVariable long otherId, @RequestParam boolean confirmed) {
        participants.resolveDuplicate(ParticipantId.ofRequest(id), ParticipantId.ofRequest(otherId), confirmed, user());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/participants/counts")
    @Operation(summary = "Participants, women and businesses per kab/kota in the caller's scope")
    List<RegionCount> counts() {
        return participants.countsByKabKota(user());
    }

    /** The read is audited before the data leaves; if the line cannot be written the request fails. */
    private void viewed(Participant p, String view) {
        audit.recordRead(
                AuditTrail.PARTICIPANT_VIEWED,
                "participant",
                Long.toString(p.id()),
                p.regionCode(),
                Map.of("view", view));
    }

    private LindungUser user() {
        return currentUser.require();
    }

    private ParticipantResponse response(Participant p) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Message> warnings = p.nikWarnings().stream()
                .map(code -> new Message(
                        "nik",
                        code,
                        Objects.requireNonNull(messages.getMessage(
                                code,
                                new Object[] {
                                    p.nik().substring(0, 6),
                                    p.nik().substring(0, 2) + "." + p.nik().substring(2, 4) + "."
                                            + p.nik().substring(4, 6)
                                },
                                code,
                                locale))))
                .toList();
        LindungUser me = user();
        return new ParticipantResponse(
                p.id(),
                Objects.requireNonNull(nik.show(p.nik())),
                p.fullName(),
                Disclosure.birthDate(p.birthDate(), me),
                p.birthDate().getYear(),
                p.sex(),
                p.regionCode(),
                regions.nameOf(p.regionCode()),
                regions.nameOf(p.regionCode().substring(0, 8)),
                regions.nameOf(p.kabKotaCode()),
                Disclosure.phone(p.phone(), me),
                p.occupation(),
                p.status(),
                warnings,
                p.createdAt(),
                p.updatedAt(),
                p.version());
    }

    private List<Message> messages(List<FieldIssue> issues) {
        Locale locale = LocaleContextHolder.getLocale();
        return issues.stream()
                .map(i -> new Message(
                        i.field(),
                        i.code(),
                        Objects.requireNonNull(
                                messages.getMessage(i.code(), i.args().toArray(), i.code(), locale))))
                .toList();
    }
}
