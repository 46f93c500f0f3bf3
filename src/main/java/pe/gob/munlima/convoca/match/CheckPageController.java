package pe.gob.munlima.convoca.match;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import pe.gob.munlima.convoca.project.ProjectFields;
import pe.gob.munlima.convoca.project.ProjectForm;
import pe.gob.munlima.convoca.project.ProjectFormSupport;
import pe.gob.munlima.convoca.project.ProjectRejectedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "¿Mi proyecto califica?": the project form, unsaved, and the open calls ranked for it
 * with verdicts and reasons ({@code POST /api/eligibility/check} as a page). Anyone may
 * check a project of any gerencia: nothing is stored.
 */
@Controller
class CheckPageController {

	/** An unsaved project has no code of its own; the form does not ask for one. */
	static final String DRAFT_CODE = "borrador";

	private final EligibilityCheck checker;

	private final ProjectFormSupport support;

	CheckPageController(EligibilityCheck checker, ProjectFormSupport support) {
		this.checker = checker;
		this.support = support;
	}

	@GetMapping("/proyectos/califica")
	String form(Model model) {
		return page(this.support.blank(), null, model);
	}

	@PostMapping("/proyectos/califica")
	String check(@ModelAttribute("project") ProjectFields fields, BindingResult binding, Locale locale, Model model,
			HttpServletResponse response) {
		fields.setCode(DRAFT_CODE);
		ProjectForm form = this.support.validate(fields, binding);
		if (form == null) {
			return page(fields, null, model);
		}
		try {
			return page(fields, this.checker.check(form, locale), model);
		}
		catch (ProjectRejectedException refused) {
			this.support.reject(refused, binding);
			return page(fields, null, model);
		}
		catch (CheckGate.Busy busy) {
			// The form comes back as it was sent, with the wait in words.
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()));
			model.addAttribute("busySeconds", busy.retryAfterSeconds());
			return page(fields, null, model);
		}
	}

	/**
	 * @param ranked the calls ranked for the project, or null before it was checked
	 */
	private String page(ProjectFields fields, List<EligibilityCheck.CheckView> ranked, Model model) {
		model.addAttribute("project", fields);
		model.addAttribute("choices", this.support.choices(false));
		model.addAttribute("ranked", ranked);
		if (ranked != null) {
			model.addAttribute("verdictCounts",
					VerdictGroup.counts(ranked.stream().map(EligibilityCheck.CheckView::verdict)));
		}
		return "projects/check";
	}

}
