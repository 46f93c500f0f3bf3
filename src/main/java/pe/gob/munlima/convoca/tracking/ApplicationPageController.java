package pe.gob.munlima.convoca.tracking;

import java.util.Locale;

import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.security.Role;
import pe.gob.munlima.convoca.security.UserDirectory;
import pe.gob.munlima.convoca.security.UserProfile;
import pe.gob.munlima.convoca.tracking.ApplicationViews.ApplicationView;
import pe.gob.munlima.convoca.tracking.PageForms.StageForm;
import pe.gob.munlima.convoca.tracking.PageForms.TaskForm;
import pe.gob.munlima.convoca.tracking.TaskForms.TaskChange;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pipeline's pages: the list of applications ({@code /postulaciones}) and one
 * application ({@code /postulaciones/{matchId}}) with its stage, history, checklist and
 * the forms to move it, check tasks off and add tasks. Forms post with the page's CSRF
 * token and come back to the page with a sentence saying what happened; a user who may
 * not act for the gerencia sees no form, and a post of theirs gets 403.
 */
@Controller
class ApplicationPageController {

	private final Applications applications;

	private final ApplicationViews views;

	private final Pipeline pipeline;

	private final Checklist checklist;

	private final Projects projects;

	private final UserDirectory users;

	private final MessageSource messages;

	ApplicationPageController(Applications applications, ApplicationViews views, Pipeline pipeline, Checklist checklist,
			Projects projects, UserDirectory users, MessageSource messages) {
		this.applications = applications;
		this.views = views;
		this.pipeline = pipeline;
		this.checklist = checklist;
		this.projects = projects;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/postulaciones")
	String list(@RequestParam(required = false) String stage, @RequestParam(required = false) String gerencia,
			Model model, Locale locale) {
		Stage wanted = PageForms.blank(stage) ? null : Stage.parse(stage).orElse(null);
		String gerenciaCode = PageForms.blank(gerencia) ? null : gerencia.strip();
		model.addAttribute("applications", this.applications.list(wanted, gerenciaCode));
		model.addAttribute("stages", this.views.stages(locale));
		model.addAttribute("gerencias", this.projects.gerencias());
		model.addAttribute("stage", wanted == null ? "" : wanted.name());
		model.addAttribute("gerencia", gerenciaCode == null ? "" : gerenciaCode);
		return "tracking/applications";
	}

	@GetMapping("/postulaciones/{matchId}")
	String application(@PathVariable long matchId, Model model, Locale locale) {
		ApplicationView view = this.views.view(matchId, locale);
		model.addAttribute("app", view);
		if (view.mayChange()) {
			model.addAttribute("discardReasons", this.views.discardReasons(locale));
			model.addAttribute("documentTypes", this.views.documentTypes(locale));
			model.addAttribute("owners",
					this.users.withRole(Role.PROJECT_OWNER).stream().map(UserProfile::username).toList());
		}
		return "tracking/application";
	}

	@PostMapping("/postulaciones/{matchId}/etapa")
	String move(@PathVariable long matchId, @ModelAttribute StageForm form, RedirectAttributes redirect,
			Locale locale) {
		return act(matchId, redirect, locale, () -> {
			Stage to = this.pipeline.move(matchId, form.transition());
			return this.messages.getMessage("tracking.page.moved", new Object[] { this.views.stageLabel(to, locale) },
					locale);
		});
	}

	@PostMapping("/postulaciones/{matchId}/adjudicacion")
	String award(@PathVariable long matchId, @ModelAttribute StageForm form, RedirectAttributes redirect,
			Locale locale) {
		return act(matchId, redirect, locale, () -> {
			this.pipeline.recordAward(matchId, form.award());
			return this.messages.getMessage("tracking.page.awardRecorded", null, locale);
		});
	}

	@PostMapping("/postulaciones/{matchId}/tareas")
	String addTask(@PathVariable long matchId, @ModelAttribute TaskForm form, RedirectAttributes redirect,
			Locale locale) {
		return act(matchId, redirect, locale, () -> {
			this.checklist.add(matchId, form.task());
			return this.messages.getMessage("tracking.page.taskAdded", null, locale);
		});
	}

	@PostMapping("/postulaciones/{matchId}/tareas/{taskId}")
	String checkTask(@PathVariable long matchId, @PathVariable long taskId, @RequestParam boolean done,
			RedirectAttributes redirect, Locale locale) {
		return act(matchId, redirect, locale, () -> {
			this.checklist.change(matchId, taskId, new TaskChange(null, null, null, done));
			return this.messages.getMessage(done ? "tracking.page.taskDone" : "tracking.page.taskUndone", null, locale);
		});
	}

	/**
	 * Runs a change and comes back to the page with what happened, or why it was refused.
	 */
	private String act(long matchId, RedirectAttributes redirect, Locale locale,
			java.util.function.Supplier<String> change) {
		try {
			redirect.addFlashAttribute("done", change.get());
		}
		catch (TrackingRefusedException ex) {
			redirect.addFlashAttribute("error", ex.detail(this.messages, locale));
		}
		return "redirect:/postulaciones/" + matchId;
	}

}
