package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.almoner.platform.access.Actors;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.plans.Plan;
import org.almoner.platform.plans.PlanContent;
import org.almoner.platform.plans.PlanLine;
import org.almoner.platform.plans.Plans;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The care and support plan: start one, edit its draft section by section, agree it, and read it. */
@Controller
class PlanPages {

    private final Plans plans;
    private final PersonAccess access;
    private final Actors actors;

    PlanPages(Plans plans, PersonAccess access, Actors actors) {
        this.plans = requireNonNull(plans, "plans is null");
        this.access = requireNonNull(access, "access is null");
        this.actors = requireNonNull(actors, "actors is null");
    }

    @PostMapping("/people/{personId}/plans")
    String start(@PathVariable UUID personId) {
        access.require(personId, PersonOperation.EDIT_PLAN, "PLAN", null);
        Plan plan = plans.start(personId, new PlanContent(null, null, null, null, null, null, null, null, null, null, null),
                actors.current());
        return "redirect:/plans/" + plan.id() + "/edit";
    }

    @GetMapping("/plans/{planId}")
    String view(@PathVariable UUID planId, Model model) {
        Plan plan = existing(planId);
        Person person = access.require(plan.personId(), PersonOperation.VIEW_PLAN, "PLAN", planId);
        model.addAttribute("person", person);
        model.addAttribute("plan", plan);
        model.addAttribute("content", plan.latestAgreed().map(version -> version.content()).orElse(plan.draft()));
        model.addAttribute("agreed", plan.latestAgreed().isPresent());
        model.addAttribute("canEdit", PersonOperation.EDIT_PLAN.allows(actors.current().role()));
        return "pages/plan";
    }

    @GetMapping("/plans/{planId}/edit")
    String edit(@PathVariable UUID planId, Model model) {
        Plan plan = existing(planId);
        Person person = access.require(plan.personId(), PersonOperation.EDIT_PLAN, "PLAN", planId);
        return editor(person, plan, PlanForm.values(plan.draft()), Map.of(), 1, model);
    }

    /** Saves the draft; then, as the button pressed says, adds a line or agrees the plan. */
    @PostMapping("/plans/{planId}/edit")
    String save(@PathVariable UUID planId, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        Plan plan = existing(planId);
        Person person = access.require(plan.personId(), PersonOperation.EDIT_PLAN, "PLAN", planId);
        String action = form.getOrDefault("action", "save");
        Map<String, String> values = new LinkedHashMap<>(form);
        values.keySet().removeIf(key -> key.equals("_csrf") || key.equals("action"));
        try {
            Plan saved = plans.reviseDraft(plan, PlanForm.read(values, plan.draft()));
            if (action.equals("agree")) {
                int version = plans.agree(saved, actors.current()).version();
                flash.addFlashAttribute("done", "Plan agreed as version " + version + ".");
                return "redirect:/plans/" + planId;
            }
            if (action.equals("addLine")) {
                return editor(person, saved, PlanForm.values(saved.draft()), Map.of(), 2, model);
            }
            flash.addFlashAttribute("done", "Draft saved.");
            return "redirect:/plans/" + planId + "/edit";
        } catch (PlatformException refusal) {
            Map<String, String> errors = FormErrors.of(refusal);
            if (errors.containsKey("agreement")) {
                errors = Map.of("agreement-agreedBy", errors.get("agreement"));
            }
            if (errors.containsKey("outcomes")) {
                errors = Map.of("outcomes-0-description", errors.get("outcomes"));
            }
            return editor(person, plan, values, errors, 0, model);
        }
    }

    private String editor(Person person, Plan plan, Map<String, String> values, Map<String, String> errors, int blankLines, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("plan", plan);
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("lineRows", Math.max(PlanForm.rowCount(values, "lines") + blankLines, 1));
        model.addAttribute("outcomeRows", Math.max(PlanForm.rowCount(values, "outcomes") + (errors.isEmpty() ? 1 : 0), 1));
        model.addAttribute("contingencyRows", Math.max(PlanForm.rowCount(values, "contingencies") + (errors.isEmpty() ? 1 : 0), 1));
        model.addAttribute("criteria", PlanForm.CRITERIA);
        model.addAttribute("fundingSources", PlanLine.FundingSource.values());
        model.addAttribute("managements", PlanLine.Management.values());
        return "pages/plan-edit";
    }

    private Plan existing(UUID planId) {
        return plans.find(planId).orElseThrow(() -> new PlatformException(PlatformErrorCode.PLAN_NOT_FOUND, "planId",
                "There is no care and support plan with id " + planId + ". Check the address."));
    }
}
