package id.lindung.region.internal;

import id.lindung.region.Population;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regions")
@Tag(name = "Wilayah", description = "Kemendagri region codes, population and boundaries")
@SecurityRequirements // public: no sign-in
class RegionController {

    private final RegionDirectory regions;

    RegionController(RegionDirectory regions) {
        this.regions = regions;
    }

    @GetMapping
    @Operation(summary = "All provinces")
    List<Region> provinces() {
        return regions.provinces();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One region by code, e.g. 61.04")
    Region region(@PathVariable String code) {
        return regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
    }

    @GetMapping("/{code}/children")
    @Operation(summary = "Direct children of a region (kab/kota of a province, kecamatan of a kab/kota, ...)")
    List<Region> children(@PathVariable String code) {
        if (!regions.exists(code)) {
            throw new NotFoundException("region " + code);
        }
        return regions.children(code);
    }

    @GetMapping("/{code}/population")
    @Operation(summary = "Dukcapil population of a province or kab/kota")
    Population population(@PathVariable String code) {
        return regions.population(code).orElseThrow(() -> new NotFoundException("population of " + code));
    }

    @GetMapping(value = "/{code}/boundaries", produces = "application/geo+json")
    @Operation(summary = "GeoJSON FeatureCollection of the kab/kota boundaries of a province")
    ResponseEntity<String> boundaries(@PathVariable String code) {
        String json = regions.kabKotaBoundaries(code).orElseThrow(() -> new NotFoundException("boundaries of " + code));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(json);
    }
}
