package id.lindung.claim.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.BulkReads;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.ClaimSummary;
import id.lindung.claim.workflow.ClaimWorkflow;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.PageResult;
import id.lindung.shared.crypto.NikMask;
import id.lindung.shared.tabular.CsvWriter;
import id.lindung.shared.web.CsvDownload;
import id.lindung.shared.web.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The claim work queue ({@code /klaim}: open claims by default, one status, mine only, search by claim number or
 * participant name, or one participant's claims with {@code ?peserta=}) and its CSV export of the same list.
 */
@Controller
class ClaimQueuePages {

    private static final int EXPORT_PAGE = 100;

    private final ClaimWorkflow workflow;
    private final ClaimManagement claims;
    private final ParticipantManagement participants;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final BulkReads bulkReads;
    private final PageMessages messages;

    ClaimQueuePages(
            ClaimManagement claims,
            ParticipantManagement participants,
            CurrentUser currentUser,
            AuditTrail audit,
            BulkReads bulkReads,
            ClaimWorkflow workflow,
            PageMessages messages) {
        this.workflow = workflow;
        this.messages = messages;
        this.claims = claims;
        this.participants = participants;
        this.currentUser = currentUser;
        this.audit = audit;
        this.bulkReads = bulkReads;
    }

    @GetMapping("/klaim")
    String queue(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "milik", defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(name = "peserta", required = false) @Nullable Long participantId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        LindungUser me = currentUser.require();
        ClaimStatus chosen = status(status);
        if (participantId != null) {
            ParticipantId participant = ParticipantId.ofRequest(participantId);
            Participant p = participants.get(participant, me);
            List<Row> rows = claims.ofParticipant(participant, me).stream()
                    .map(c -> Row.of(c, p.fullName()))
                    .toList();
            model.addAttribute("participant", p);
            model.addAttribute("result", new PageResult<>(rows, 0, Math.max(rows.size(), 1), rows.size(), false));
        } else {
            model.addAttribute("participant", null);
            PageResult<ClaimSummary> result = claims.queue(chosen, mine, q, Math.max(page, 0), 20, me);
            bulkReads.listed(
                    "claims",
                    me.scope().code(),
                    queueFilter("page", chosen, mine, q, page, 20),
                    result.items().size());
            model.addAttribute("result", result.map(Row::of));
        }
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("mine", mine);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("canTakeIn", workflow.mayTakeIn(me));
        return "claim/queue";
    }

    /** The audit line's filter of a claim list page; a NIK searched for stays masked. */
    static Map<String, Object> queueFilter(
            String view, @Nullable ClaimStatus status, boolean mine, @Nullable String q, int page, int size) {
        String query = q != null && q.strip().matches("\\d{16}") ? NikMask.mask(q.strip()) : q;
        return BulkReads.filter(
                "view",
                view,
                "status",
                status == null ? null : status.name(),
                "mine",
                mine,
                "q",
                query,
                "page",
                page,
                "size",
                size);
    }

    @GetMapping("/klaim/ekspor.csv")
    void export(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "milik", defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(name = "peserta", required = false) @Nullable Long participantId,
            HttpServletResponse response)
            throws IOException {
        LindungUser me = currentUser.require();
        ClaimStatus chosen = status(status);
        List<Row> rows = new ArrayList<>();
        if (participantId != null) {
            ParticipantId participant = ParticipantId.ofRequest(participantId);
            Participant p = participants.get(participant, me);
            claims.ofParticipant(participant, me).forEach(c -> rows.add(Row.of(c, p.fullName())));
        } else {
            for (int page = 0; ; page++) {
                PageResult<ClaimSummary> result = claims.queue(chosen, mine, q, page, EXPORT_PAGE, me);
                result.items().forEach(s -> rows.add(Row.of(s)));
                if (!result.hasNext()) {
                    break;
                }
            }
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", chosen == null ? null : chosen.name());
        filters.put("mine", mine);
        filters.put("q", q);
        filters.put("rows", rows.size());
        if (participantId != null) {
            filters.put("file", "claims.csv");
            audit.recordRead(
                    AuditTrail.EXPORT_DOWNLOADED,
                    "participant",
                    Long.toString(participantId),
                    participants.get(ParticipantId.ofRequest(participantId), me).regionCode(),
                    filters);
        } else {
            bulkReads.exported("claims.csv", me.scope().code(), filters, rows.size());
        }
        CsvWriter out = CsvDownload.start(response, "klaim-lindung.csv");
        out.row(
                "Nomor klaim",
                "ID peserta",
                "Peserta",
                "Jenis",
                "Tanggal kejadian",
                "Status",
                "Jumlah",
                "Memenuhi syarat",
                "Jatuh tempo",
                "Ditangani oleh",
                "Jenis (keterangan)",
                "Status (keterangan)");
        for (Row r : rows) {
            out.row(
                    r.claimNumber(),
                    r.participantId(),
                    r.participantName(),
                    r.kind(),
                    r.eventDate(),
                    r.status().name(),
                    r.total(),
                    r.eligible() ? "ya" : "tidak",
                    r.dueDate(),
                    r.assignedTo(),
                    messages.message("claim.kind." + r.kind()),
                    messages.message("claim.page.status." + r.status()));
        }
        out.flush();
    }

    private static @Nullable ClaimStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ClaimStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A line of the queue, from the queue itself or from one participant's claims. */
    public record Row(
            long id,
            String claimNumber,
            long participantId,
            String participantName,
            String kind,
            LocalDate eventDate,
            ClaimStatus status,
            long total,
            boolean eligible,
            @Nullable String assignedTo,
            @Nullable LocalDate dueDate) {

        static Row of(ClaimSummary s) {
            return new Row(
                    s.id(),
                    s.claimNumber(),
                    s.participantId(),
                    s.participantName(),
                    s.kind(),
                    s.eventDate(),
                    s.status(),
                    s.total(),
                    s.eligible(),
                    s.assignedTo(),
                    s.dueDate());
        }

        static Row of(Claim c, String participantName) {
            return new Row(
                    c.id(),
                    c.claimNumber(),
                    c.participantId(),
                    participantName,
                    c.kind(),
                    c.eventDate(),
                    c.status(),
                    c.total(),
                    c.eligible(),
                    c.assignedTo(),
                    c.dueDate());
        }
    }
}
