package id.lindung.web;

import id.lindung.access.CurrentUser;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code <option>} lists for the cascading region pickers (kab/kota → kecamatan → desa), fetched by htmx. Only
 * regions inside the user's scope are offered.
 */
@Controller
class RegionOptionsController {

    private final RegionDirectory regions;
    private final CurrentUser currentUser;

    RegionOptionsController(RegionDirectory regions, CurrentUser currentUser) {
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @GetMapping("/ui/regions/options")
    String options(
            @RequestParam(required = false) String kabKota,
            @RequestParam(required = false) String kecamatan,
            Model model) {
        String parent = kecamatan != null && !kecamatan.isBlank() ? kecamatan : kabKota;
        List<Region> children = parent == null || parent.isBlank()
                ? List.of()
                : regions.children(parent).stream()
                        .filter(r -> currentUser.require().scope().includes(r.code()))
                        .toList();
        model.addAttribute("options", children);
        return "fragments/region-options :: options";
    }
}
