package org.almoner.platform.pathways.web;

import java.util.List;
import org.almoner.platform.access.Actors;
import org.almoner.platform.pathways.Pathway;
import org.almoner.platform.pathways.Pathways;
import org.almoner.platform.problems.PlatformException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/pathways")
class PathwaysController {

    private final Pathways pathways;
    private final Actors actors;

    PathwaysController(Pathways pathways, Actors actors) {
        this.pathways = pathways;
        this.actors = actors;
    }

    @GetMapping
    List<Pathway> all() {
        return pathways.all();
    }

    @GetMapping("/{cohort}")
    Pathway one(@PathVariable String cohort) {
        return pathways.require(cohort, "cohort");
    }

    @PutMapping("/{cohort}")
    Pathway save(@PathVariable String cohort, @RequestBody Pathway pathway) {
        if (!pathway.cohort().equals(cohort)) {
            throw PlatformException.invalid("cohort", "The cohort in the body (" + pathway.cohort() + ") differs from the address ("
                    + cohort + "). Make them the same.");
        }
        return pathways.save(pathway, actors.current().username());
    }
}
