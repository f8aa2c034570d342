package id.lindung.sponsorship.web;

import id.lindung.access.BulkReads;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.shared.web.UploadCheck;
import id.lindung.sponsorship.Programme;
import id.lindung.sponsorship.SponsorshipBeneficiaries;
import id.lindung.sponsorship.SponsorshipBills;
import id.lindung.sponsorship.SponsorshipProgrammes;
import id.lindung.sponsorship.SponsorshipSimulator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of government sponsorship: programmes, beneficiaries, consolidated bills, budget, simulation. */
@RestController
@RequestMapping("/api/sponsorship")
@Tag(name = "Sponsorship", description = "Regional governments paying BPU JKK+JKM contributions of vulnerable workers")
@SecurityRequirement(name = "basicAuth")
class SponsorshipApi {

    private final SponsorshipProgrammes programmes;
    private final SponsorshipBeneficiaries beneficiaries;
    private final SponsorshipBills bills;
    private final SponsorshipSimulator simulator;
    private final CurrentUser currentUser;
    private final UploadCheck uploads;
    private final BulkReads bulkReads;

    SponsorshipApi(
            SponsorshipProgrammes programmes,
            SponsorshipBeneficiaries beneficiaries,
            SponsorshipBills bills,
            SponsorshipSimulator simulator,
            CurrentUser currentUser,
            UploadCheck uploads,
            BulkReads bulkReads) {
        this.bulkReads = bulkReads;
        this.uploads = uploads;
        this.programmes = programmes;
        this.beneficiaries = beneficiaries;
        this.bills = bills;
        this.simulator = simulator;
        this.currentUser = currentUser;
    }

    /** Ending a programme: the last month covered (default its end month), END or HAND_OVER, the version seen. */
    record EndRequest(@Nullable YearMonth lastMonth, String action, int version) {}

    /** Paying a month's consolidated bill. */
    record PayRequest(
            YearMonth month,
            @Nullable LocalDate paidOn,
            @Nullable String reference) {}

    /** Adding workers already in the registry. */
    record AddRequest(List<Long> participantIds) {}

    @GetMapping("/programmes")
    @Operation(summary = "Sponsorship programmes in the caller's scope")
    List<Programme> list() {
        return programmes.list(user());
    }

    @PostMapping("/programmes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a sponsorship programme")
    ResponseEntity<Programme> create(@RequestBody Programme.New request) {
        Programme p = programmes.create(request, user());
        return ResponseEntity.created(URI.create("/api/sponsorship/programmes/" + p.id()))
                .body(p);
    }

    @GetMapping("/programmes/{id}")
    @Operation(summary = "One sponsorship programme")
    Programme get(@PathVariable long id) {
        return programmes.get(id, user());
    }

    @PostMapping("/programmes/{id}/end")
    @Operation(summary = "End a programme: its memberships end (END) or continue self-paid (HAND_OVER)")
    Programme end(@PathVariable long id, @RequestBody EndRequest request) {
        return programmes.end(id, request.lastMonth(), request.action(), request.version(), user());
    }

    @PostMapping(path = "/programmes/{id}/beneficiaries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import beneficiaries (CSV nik;name;birth_date;desa_code;occupation;phone): all rows or"
                    + " none, the same file twice changes nothing")
    SponsorshipBeneficiaries.Result importFile(@PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        uploads.check(file, "file", "beneficiaries", UploadCheck.Content.CSV_OR_XLSX);
        try (InputStream in = file.getInputStream()) {
            return beneficiaries.importCsv(id, file.getOriginalFilename(), in, user());
        }
    }

    @PostMapping(path = "/programmes/{id}/beneficiaries", consumes = MediaType.APPLICATION_JSON_VALUE)
    SponsorshipBeneficiaries.Result add(@PathVariable long id, @RequestBody AddRequest request) {
        return beneficiaries.addFromRegistry(id, request.participantIds(), user());
    }

    @GetMapping("/programmes/{id}/beneficiaries")
    @Operation(summary = "A programme's beneficiaries (the list is audited)")
    List<SponsorshipBeneficiaries.Beneficiary> beneficiaries(@PathVariable long id) {
        LindungUser me = user();
        List<SponsorshipBeneficiaries.Beneficiary> list = beneficiaries.list(id, me);
        bulkReads.listed(
                "sponsorship-beneficiaries",
                me.scope().code(),
                BulkReads.filter("view", "api", "programme", id),
                list.size());
        return list;
    }

    @GetMapping("/programmes/{id}/bills/{month}")
    @Operation(summary = "A programme's consolidated bill of a month")
    SponsorshipBills.ConsolidatedBill bill(
            @PathVariable long id, @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return bills.bill(id, month, user());
    }

    @PostMapping("/programmes/{id}/payments")
    @Operation(summary = "Record the programme's payment of a month's consolidated bill")
    @ApiResponse(
            responseCode = "200",
            description = "The bills paid (a month paid before counts under alreadyPaid)",
            useReturnTypeSchema = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(name = "November paid", value = """
                                                    {"bills": 250, "amount": 4200000, "alreadyPaid": 0}""")))
    SponsorshipBills.Paid pay(
            @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(name = "November paid", value = """
                                                                    {"month": "2026-11", "paidOn": "2026-12-08",
                                                                     "reference": "SP2D 00123/XII/2026"}""")))
                    @RequestBody
                    PayRequest request) {
        return bills.pay(id, request.month(), request.paidOn(), request.reference(), user());
    }

    @GetMapping("/programmes/{id}/budget")
    @Operation(summary = "A programme's budget: billed, paid, committed, remaining and months affordable")
    SponsorshipBills.Budget budget(@PathVariable long id) {
        return bills.budget(id, user());
    }

    @PostMapping("/simulations")
    @Operation(
            summary = "What N more sponsored workers in these regions for M months would cost and add to"
                    + " coverage (nothing is written)")
    SponsorshipSimulator.Simulation simulate(@RequestBody SponsorshipSimulator.Request request) {
        return simulator.simulate(request, user());
    }

    private LindungUser user() {
        return currentUser.require();
    }
}
