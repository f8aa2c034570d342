package id.lindung.participant;

import id.lindung.access.AuditTrail;
import id.lindung.access.BulkReads;
import id.lindung.access.Disclosure;
import id.lindung.access.LindungUser;
import id.lindung.participant.internal.ParticipantRepository;
import id.lindung.participant.internal.ParticipantRules;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.PageResult;
import id.lindung.shared.crypto.NikMask;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, changing, finding and listing participants, their family and their businesses. Every method takes
 * the acting user: reads see only the user's region scope (anything outside answers "not found"), writes need a
 * role that may write the registry and a target inside the scope, and every write lands in the audit trail in the
 * same transaction.
 */
@Service
public class ParticipantManagement {

    public static final int MAX_PAGE_SIZE = 200;
    public static final int MAX_EXPORT_ROWS = 100_000;

    private final ParticipantPolicy policy;
    private final ParticipantRepository repository;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BulkReads bulkReads;

    ParticipantManagement(
            ParticipantRepository repository,
            RegionDirectory regions,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            ParticipantPolicy policy,
            BulkReads bulkReads) {
        this.policy = policy;
        this.bulkReads = bulkReads;
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Checks a registration without writing anything: errors and warnings, each naming its field. */
    public List<FieldIssue> check(ParticipantDetails details) {
        return validate(details);
    }

    @Transactional
    public RegistrationResult register(ParticipantDetails details, LindungUser by) {
        requireWriter(by);
        List<FieldIssue> issues = validate(details);
        InvalidInputException.throwIfErrors(issues);
        String regionCode = Objects.requireNonNull(details.regionCode());
        requireInScope(by, regionCode);
        String nik = Objects.requireNonNull(details.nik());
        requireNikAvailable(nik, -1, by);
        List<String> warnings = warningCodes(issues);
        long id;
        try {
            id = repository.insert(
                    nik,
                    clean(details.fullName()),
                    Objects.requireNonNull(details.birthDate()),
                    Objects.requireNonNull(details.sex()),
                    regionCode,
                    normalizePhone(details.phone()),
                    trimToNull(details.occupation()),
                    details.status() == null ? ParticipantStatus.ACTIVE : details.status(),
                    warnings);
        } catch (DuplicateKeyException e) { // registered meanwhile: answered as if it had been there before
            throw nikConflict(nik, -1, by);
        }
        Participant saved = repository.findById(id).orElseThrow();
        List<Long> duplicates = repository.sameNameAndBirthDate(id, saved.fullName(), saved.birthDate());
        duplicates.forEach(other -> repository.flagDuplicate(id, other));
        audit.record("PARTICIPANT_REGISTERED", "participant", Long.toString(id), regionCode, maskNik(snapshot(saved)));
        events.publishEvent(new ParticipantRegistered(ParticipantId.of(id), regionCode));
        List<FieldIssue> shownWarnings = new ArrayList<>(issues);
        if (!duplicates.isEmpty()) {
            shownWarnings.add(FieldIssue.warning("fullName", "participant.possible-duplicate", duplicates.size()));
        }
        return new RegistrationResult(saved, shownWarnings, duplicates);
    }

    /**
     * Replaces a participant's data. {@code expectedVersion}, when given, guards against overwriting a change made
     * meanwhile by someone else.
     */
    @Transactional
    public Participant update(
            ParticipantId participant, ParticipantDetails details, @Nullable Integer expectedVersion, LindungUser by) {
        requireWriter(by);
        long id = participant.value();
        Participant current = get(participant, by);
        if (!Disclosure.seesIdentity(by)) {
            details = identityKept(details, current);
        } else if (NikMask.isMasked(details.nik())) {
            // sent back as shown (masked) by a form or client that may not see the NIK: unchanged
            details = details.withNik(current.nik());
        }
        List<FieldIssue> issues = validate(details);
        if (current.status() == ParticipantStatus.DECEASED
                && details.status() != null
                && details.status() != ParticipantStatus.DECEASED) {
            // a recorded death is reversed only by its audited correction (on the claim that recorded it)
            issues.add(FieldIssue.error("status", "participant.status.deceased"));
        }
        InvalidInputException.throwIfErrors(issues);
        String regionCode = Objects.requireNonNull(details.regionCode());
        requireInScope(by, regionCode);
        String nik = Objects.requireNonNull(details.nik());
        boolean taken = !nik.equals(current.nik()) && repository.nikTaken(nik, id);
        if (taken && nik.equals(NikRules.canonical(current.nik()))) {
            // the NIK as stored differs from another participant's only by white space around it: V32 left it so
            // and flagged the pair for review; it stays as it is until an officer corrects or retires the record
            nik = current.nik();
        } else if (!nik.equals(current.nik())) {
            requireNikAvailable(nik, id, by);
        }
        int version = expectedVersion == null ? current.version() : expectedVersion;
        boolean updated = repository.update(
                id,
                version,
                nik,
                clean(details.fullName()),
                Objects.requireNonNull(details.birthDate()),
                Objects.requireNonNull(details.sex()),
                regionCode,
                normalizePhone(details.phone()),
                trimToNull(details.occupation()),
                details.status() == null ? current.status() : details.status(),
                warningCodes(issues));
        if (!updated) {
            throw new InvalidInputException(FieldIssue.error("version", "participant.changed-meanwhile"));
        }
        Participant saved = repository.findById(id).orElseThrow();
        Map<String, Object> changes = maskNik(diff(snapshot(current), snapshot(saved)));
        if (!changes.isEmpty()) {
            if (changes.containsKey("fullName") || changes.containsKey("birthDate")) {
                repository
                        .sameNameAndBirthDate(id, saved.fullName(), saved.birthDate())
                        .forEach(other -> repository.flagDuplicate(id, other));
            }
            audit.record("PARTICIPANT_UPDATED", "participant", Long.toString(id), regionCode, changes);
            events.publishEvent(new ParticipantUpdated(participant, regionCode, changes.keySet()));
        }
        return saved;
    }

    /**
     * Sets a participant's status alone, for a reason other modules know (an approved death claim marks the worker
     * DECEASED; its audited correction sets the status back). Officers and administrators with the participant in
     * scope; audited as {@code PARTICIPANT_STATUS_CHANGED} with {@code because}; other modules hear it as
     * {@link ParticipantUpdated} naming {@code status}. Nothing happens when the status is already that.
     */
    @Transactional
    public Participant changeStatus(
            ParticipantId participant, ParticipantStatus status, Map<String, Object> because, LindungUser by) {
        policy.checkOfficer(by);
        long id = participant.value();
        Participant current = get(participant, by);
        if (repository.setStatus(id, status)) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("status", java.util.Arrays.asList(current.status().name(), status.name()));
            values.putAll(because);
            audit.record("PARTICIPANT_STATUS_CHANGED", "participant", Long.toString(id), current.regionCode(), values);
            events.publishEvent(new ParticipantUpdated(participant, current.regionCode(), Set.of("status")));
        }
        return repository.findById(id).orElseThrow();
    }

    /**
     * Whether {@code nik} may be given to a new or changed participant, answered so that nobody learns more than
     * their scope allows (issue 16, docs/decisions.md "Out-of-scope existence is never confirmed"): a NIK held by a
     * participant inside the caller's scope is {@code nik.taken}, as before. For a kab/kota user a NIK issued (its
     * first four digits) elsewhere, and for anyone a NIK held by a participant outside their scope, get the same
     * neutral {@code nik.unavailable} (a province officer registers or resolves it) whether anyone holds it or not;
     * each such refusal is audited and counts against the caller's hourly reads. Only a NIK issued inside a kab/kota
     * user's scope but held elsewhere is told apart from a free one, by that same neutral answer.
     */
    private void requireNikAvailable(String nik, long exceptId, LindungUser by) {
        Optional<Participant> holder = repository.findByNik(nik).filter(p -> p.id() != exceptId);
        if (holder.isPresent() || !issuedInScope(nik, by)) {
            throw nikConflict(nik, exceptId, by);
        }
    }

    private InvalidInputException nikConflict(String nik, long exceptId, LindungUser by) {
        Optional<Participant> holder = repository.findByNik(nik).filter(p -> p.id() != exceptId);
        if (holder.isPresent() && by.scope().includes(holder.get().regionCode())) {
            return new InvalidInputException(FieldIssue.error("nik", "nik.taken", nik));
        }
        // its own short transaction: the line stays although this request is refused
        bulkReads.listed(
                "participant-nik",
                holder.map(Participant::regionCode).orElse(null),
                BulkReads.filter("nik", NikMask.mask(nik), "participant", exceptId < 0 ? null : exceptId),
                1);
        return new InvalidInputException(FieldIssue.error("nik", "nik.unavailable"));
    }

    /**
     * Whether a kab/kota user's kab/kota issued the NIK (its first four digits). Province and national users register
     * newcomers whatever issued their NIK (people move into Kalimantan Barat from everywhere): always true for them.
     */
    private static boolean issuedInScope(String nik, LindungUser by) {
        String scope = by.scope().code();
        return scope.length() != 5 || nik.startsWith(scope.replace(".", ""));
    }

    /** A participant inside the user's scope. */
    public Participant get(ParticipantId id, LindungUser by) {
        return repository
                .findById(id.value())
                .filter(p -> by.scope().includes(p.regionCode()))
                .orElseThrow(() -> new NotFoundException("participant " + id));
    }

    public Optional<Participant> findByNik(String nik, LindungUser by) {
        return repository
                .findByNik(Objects.requireNonNull(NikRules.canonical(nik)))
                .filter(p -> by.scope().includes(p.regionCode()));
    }

    /**
     * A page of the participants in the user's scope that match. A NIK filter that is neither the whole NIK nor its
     * last digits as {@link SearchCriteria#nikIssues} allows is refused ({@link InvalidInputException}).
     */
    public PageResult<ParticipantSummary> search(SearchCriteria criteria, int page, int size, LindungUser by) {
        InvalidInputException.throwIfErrors(criteria.nikIssues(Disclosure.seesIdentity(by)));
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        Optional<String> region = by.scope().narrow(trimToNull(criteria.regionCode()));
        if (region.isEmpty()) {
            return new PageResult<>(List.of(), safePage, safeSize, 0, false);
        }
        return repository.search(
                trimToNull(criteria.nik()), trimToNull(criteria.name()), region.get(), safePage, safeSize);
    }

    /** Every match in name order, at most {@link #MAX_EXPORT_ROWS}. */
    public void export(SearchCriteria criteria, LindungUser by, Consumer<ParticipantSummary> sink) {
        InvalidInputException.throwIfErrors(criteria.nikIssues(Disclosure.seesIdentity(by)));
        by.scope()
                .narrow(trimToNull(criteria.regionCode()))
                .ifPresent(region -> repository.exportEach(
                        trimToNull(criteria.nik()), trimToNull(criteria.name()), region, MAX_EXPORT_ROWS, sink));
    }

    /** Participants, women and businesses per kab/kota in the user's scope. */
    public List<RegionCount> countsByKabKota(LindungUser by) {
        return repository.countsByKabKota(by.scope().code());
    }

    @Transactional
    public Relative addRelative(ParticipantId participant, NewRelative relative, LindungUser by) {
        requireWriter(by);
        Participant owner = get(participant, by);
        long participantId = participant.value();
        List<FieldIssue> issues = new ArrayList<>();
        rules().checkRelative(
                        "",
                        relative.relation(),
                        relative.fullName(),
                        relative.nik(),
                        relative.birthDate(),
                        relative.sex(),
                        issues);
        InvalidInputException.throwIfErrors(issues);
        long id = repository.insertRelative(participantId, relative);
        Map<String, Object> values = new LinkedHashMap<>();
        // the relative's identity is sealed in the registry; the trail keeps no clear copy of it
        values.put("relation", relative.relation());
        values.put("nik", NikMask.mask(relative.nik()));
        values.put("heir", relative.heir());
        audit.record("RELATIVE_ADDED", "participant", Long.toString(participantId), owner.regionCode(), values);
        return repository.relatives(participantId).stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow();
    }

    public List<Relative> relatives(ParticipantId participant, LindungUser by) {
        get(participant, by);
        return repository.relatives(participant.value());
    }

    @Transactional
    public Business registerBusiness(NewBusiness business, LindungUser by) {
        requireWriter(by);
        List<FieldIssue> issues = new ArrayList<>();
        rules().checkBusiness(
                        "",
                        business.nib(),
                        business.name(),
                        business.kbli(),
                        business.scale(),
                        business.regionCode(),
                        business.workerCount(),
                        issues);
        if (business.nib() != null && repository.nibTaken(business.nib())) {
            issues.add(FieldIssue.error("nib", "nib.taken", business.nib()));
        }
        if (business.ownerId() == null) {
            issues.add(FieldIssue.error("ownerId", "field.required"));
        } else if (repository
                .findById(business.ownerId())
                .filter(p -> by.scope().includes(p.regionCode()))
                .isEmpty()) {
            issues.add(FieldIssue.error("ownerId", "business.owner.unknown", business.ownerId()));
        }
        InvalidInputException.throwIfErrors(issues);
        requireInScope(by, Objects.requireNonNull(business.regionCode()));
        long id = repository.insertBusiness(business);
        Business saved = repository.findBusiness(id).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nib", saved.nib());
        values.put("name", saved.name());
        values.put("ownerId", saved.ownerId());
        values.put("kbli", saved.kbli());
        values.put("scale", saved.scale());
        values.put("regionCode", saved.regionCode());
        values.put("workerCount", saved.workerCount());
        audit.record("BUSINESS_REGISTERED", "business", Long.toString(id), saved.regionCode(), values);
        return saved;
    }

    /** A business by its id, when its desa is in the user's scope. */
    public java.util.Optional<Business> business(long id, LindungUser by) {
        return repository.findBusiness(id).filter(b -> by.scope().includes(b.regionCode()));
    }

    public List<Business> businessesOf(ParticipantId owner, LindungUser by) {
        get(owner, by);
        return repository.businessesOf(owner.value());
    }

    public PageResult<DuplicateCandidate> openDuplicates(int page, int size, LindungUser by) {
        return repository.openDuplicates(
                by.scope().code(), Math.max(0, page), Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
    }

    /** An officer's verdict on a flagged pair: the same person ({@code confirmed}) or two people. */
    @Transactional
    public void resolveDuplicate(ParticipantId participant, ParticipantId other, boolean confirmed, LindungUser by) {
        requireWriter(by);
        Participant one = get(participant, by);
        get(other, by);
        long participantId = participant.value();
        long otherId = other.value();
        if (!repository.resolveDuplicate(participantId, otherId, confirmed ? "CONFIRMED" : "DISMISSED")) {
            throw new NotFoundException("open duplicate pair " + participantId + "/" + otherId);
        }
        audit.record(
                confirmed ? "DUPLICATE_CONFIRMED" : "DUPLICATE_DISMISSED",
                "participant",
                Long.toString(participantId),
                one.regionCode(),
                Map.of("otherId", otherId));
    }

    private List<FieldIssue> validate(ParticipantDetails d) {
        List<FieldIssue> issues = new ArrayList<>();
        rules().checkWorker(
                        "",
                        d.nik(),
                        d.fullName(),
                        d.birthDate(),
                        d.sex(),
                        d.regionCode(),
                        d.phone(),
                        d.occupation(),
                        issues);
        return issues;
    }

    private ParticipantRules rules() {
        return new ParticipantRules(regions::exists, today());
    }

    private void requireWriter(LindungUser by) {
        policy.checkWrite(by);
    }

    private void requireInScope(LindungUser by, String regionCode) {
        if (!by.scope().includes(regionCode)) {
            throw new ForbiddenException(
                    "access.region.outside-scope",
                    regions.nameOf(regionCode.substring(0, 5)),
                    regions.nameOf(by.scope().code()));
        }
    }

    private static List<String> warningCodes(List<FieldIssue> issues) {
        return issues.stream().filter(i -> !i.isError()).map(FieldIssue::code).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String clean(@Nullable String name) {
        return ParticipantRules.cleanName(Objects.requireNonNull(name));
    }

    private static @Nullable String trimToNull(@Nullable String s) {
        return ParticipantRules.trimToNull(s);
    }

    private static @Nullable String normalizePhone(@Nullable String phone) {
        return ParticipantRules.normalizePhone(phone);
    }

    private static Map<String, Object> snapshot(Participant p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nik", p.nik());
        m.put("fullName", p.fullName());
        m.put("birthDate", p.birthDate().toString());
        m.put("sex", p.sex().name());
        m.put("regionCode", p.regionCode());
        m.put("phone", p.phone());
        m.put("occupation", p.occupation());
        m.put("status", p.status().name());
        return m;
    }

    /**
     * The trail keeps NIKs masked: it shows that and when a NIK changed, not the NIK (which is sealed in the
     * registry and shown in full only to those who may see it).
     */
    /**
     * Who sees identities masked ({@link Disclosure}) changes none of them: the NIK (absent or sent back masked), the birth
     * date (absent: they see only its year) and the sex stay as stored. Any other value is refused naming the field,
     * whether or not it equals the stored one — an answer that differed would confirm a guessed birth date or NIK.
     */
    private static ParticipantDetails identityKept(ParticipantDetails details, Participant current) {
        List<FieldIssue> issues = new ArrayList<>();
        if (details.nik() != null && !NikMask.isMasked(details.nik())) {
            issues.add(FieldIssue.error("nik", "participant.identity.officer-only"));
        }
        if (details.birthDate() != null) {
            issues.add(FieldIssue.error("birthDate", "participant.identity.officer-only"));
        }
        if (details.sex() != null && details.sex() != current.sex()) {
            issues.add(FieldIssue.error("sex", "participant.identity.officer-only"));
        }
        InvalidInputException.throwIfErrors(issues);
        return new ParticipantDetails(
                current.nik(),
                details.fullName(),
                current.birthDate(),
                current.sex(),
                details.regionCode(),
                details.phone(),
                details.occupation(),
                details.status());
    }

    private static Map<String, Object> maskNik(Map<String, Object> values) {
        Object nik = values.get("nik");
        if (nik instanceof String s) {
            values.put("nik", NikMask.mask(s));
        } else if (nik instanceof List<?> pair) {
            values.put("nik", pair.stream().map(v -> NikMask.mask((String) v)).toList());
        }
        return values;
    }

    private static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        before.forEach((k, old) -> {
            Object now = after.get(k);
            if (!Objects.equals(old, now)) {
                changes.put(k, java.util.Arrays.asList(old, now));
            }
        });
        return changes;
    }
}
