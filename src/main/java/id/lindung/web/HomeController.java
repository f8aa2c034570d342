package id.lindung.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.RegionCount;
import id.lindung.region.Population;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Home: the work waiting for the signed-in user's role ({@link HomeTasks}). Officers: open claims with their service
 * level, possible duplicates, rejected rows of bank payment files. Banks: the KUR work list. Government analysts:
 * coverage against the target, and the registry per kab/kota against the Dukcapil population. Agents: their workers
 * due this week or in arrears. Administrators: unconfirmed figures, the keys, and the registry per kab/kota.
 */
@Controller
class HomeController {

    private final HomeTasks tasks;
    private final ParticipantManagement participants;
    private final RegionDirectory regions;
    private final CurrentUser currentUser;
    private final String homeProvince;

    HomeController(
            HomeTasks tasks,
            ParticipantManagement participants,
            RegionDirectory regions,
            CurrentUser currentUser,
            RegionProperties region) {
        this.tasks = tasks;
        this.homeProvince = region.homeProvince();
        this.participants = participants;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    /** One row of the registry table. */
    record Row(String code, String name, long participants, long women, long businesses, long population) {
        public long perThousand() {
            return population == 0 ? 0 : Math.round(participants * 1000.0 / population);
        }
    }

    @GetMapping("/")
    String home(Model model) {
        LindungUser me = currentUser.require();
        switch (me.role()) {
            case OFFICER -> {
                model.addAttribute("claims", tasks.claimsWaiting(me));
                model.addAttribute("duplicates", tasks.duplicates(me));
                model.addAttribute("rejectedPayments", tasks.rejectedPayments(me));
            }
            case BANK_OFFICER -> model.addAttribute("kurWork", tasks.kurWorkList(me));
            case AGENT -> model.addAttribute("dues", tasks.dues(me));
            case GOV_ANALYST -> {
                model.addAttribute("coverage", tasks.coverage(me));
                model.addAttribute("coverageShown", true);
                registry(model, me);
            }
            case ADMIN -> {
                model.addAttribute("config", tasks.unconfirmedFigures());
                model.addAttribute("keys", tasks.keys(me));
                registry(model, me);
            }
        }
        model.addAttribute("dueDays", HomeTasks.DUE_DAYS);
        model.addAttribute("fileDays", HomeTasks.FILE_DAYS);
        return "home";
    }

    /**
     * The registry in the user's area, per kab/kota, against the Dukcapil population (table, chart and map); per
     * province for a national user of a national installation (no map: the province outlines are not held).
     */
    private void registry(Model model, LindungUser me) {
        Map<String, RegionCount> counts = new HashMap<>();
        participants.countsByKabKota(me).forEach(c -> counts.put(c.regionCode(), c));
        String scope = me.scope().code();
        String province = scope.isEmpty() ? homeProvince : scope.substring(0, 2);
        List<String> kabKota = scope.length() == 5
                ? List.of(scope)
                : regions.children(province).stream().map(r -> r.code()).toList();
        if (province.isEmpty()) { // a national installation: one row per province
            kabKota = regions.provinces().stream().map(r -> r.code()).toList();
            for (RegionCount c : List.copyOf(counts.values())) {
                counts.merge(
                        c.regionCode().substring(0, 2),
                        c,
                        (a, b) -> new RegionCount(
                                a.regionCode(),
                                a.participants() + b.participants(),
                                a.women() + b.women(),
                                a.businesses() + b.businesses()));
            }
        }
        List<Row> rows = kabKota.stream()
                .map(code -> {
                    RegionCount c = counts.getOrDefault(code, new RegionCount(code, 0, 0, 0));
                    long population =
                            regions.population(code).map(Population::total).orElse(0L);
                    return new Row(code, regions.nameOf(code), c.participants(), c.women(), c.businesses(), population);
                })
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("province", province);
        model.addAttribute("hasMap", !province.isEmpty() && regions.hasKabKotaBoundaries(province));
        model.addAttribute("provinceName", regions.nameOf(province));
        model.addAttribute(
                "totalParticipants", rows.stream().mapToLong(Row::participants).sum());
        model.addAttribute("totalWomen", rows.stream().mapToLong(Row::women).sum());
        model.addAttribute(
                "totalBusinesses", rows.stream().mapToLong(Row::businesses).sum());
        model.addAttribute(
                "totalPopulation", rows.stream().mapToLong(Row::population).sum());
    }
}
