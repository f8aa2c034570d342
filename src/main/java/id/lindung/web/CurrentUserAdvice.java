package id.lindung.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.region.RegionDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and the name of their work area into every page's model. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class CurrentUserAdvice {

    private final CurrentUser currentUser;
    private final RegionDirectory regions;

    CurrentUserAdvice(CurrentUser currentUser, RegionDirectory regions) {
        this.currentUser = currentUser;
        this.regions = regions;
    }

    @ModelAttribute("me")
    @Nullable
    LindungUser me() {
        return currentUser.get().orElse(null);
    }

    /** The current page in the other language (the {@code lang} parameter swapped, the rest kept). */
    @ModelAttribute("langUrls")
    java.util.Map<String, String> langUrls() {
        var current = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest();
        return java.util.Map.of(
                "id",
                current.replaceQueryParam("lang", "id").build().toUriString(),
                "en",
                current.replaceQueryParam("lang", "en").build().toUriString());
    }

    @ModelAttribute("myArea")
    @Nullable
    String myArea() {
        return currentUser
                .get()
                .map(u -> u.scope().code().isEmpty()
                        ? "Indonesia"
                        : regions.nameOf(u.scope().code()))
                .orElse(null);
    }
}
