package pe.gob.munlima.convoca.match;

import java.util.Locale;

import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.security.AccessControl;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A project's page: its data and every call judged for it, grouped by verdict, each with
 * its reasons and what would fix them, and the gerencia's answer ("nos interesa", "no
 * aplica") with the form to give it. The edit button shows only to whoever may edit the
 * project (the project module refuses the others anyway).
 */
@Controller
class ProjectPageController {

	private final Projects projects;

	private final MatchViews matches;

	private final AccessControl access;

	private final AnswerService answers;

	private final ObjectProvider<RecurringCalls> recurring;

	ProjectPageController(Projects projects, MatchViews matches, AccessControl access, AnswerService answers,
			ObjectProvider<RecurringCalls> recurring) {
		this.recurring = recurring;
		this.projects = projects;
		this.matches = matches;
		this.access = access;
		this.answers = answers;
	}

	@GetMapping("/proyectos/{id}")
	String project(@PathVariable long id, Locale locale, Model model) {
		ProjectProfile project = this.projects.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe el proyecto " + id));
		var found = this.matches.ofProject(id, null, locale);
		model.addAttribute("project", project);
		model.addAttribute("mayEdit", this.access.mayActFor(project.gerencia().code()));
		model.addAttribute("groups", VerdictGroup.of(found, MatchViews.MatchView::verdict));
		model.addAttribute("verdictCounts", VerdictGroup.counts(found.stream().map(MatchViews.MatchView::verdict)));
		// The gerencia's answer beside each verdict, and the form to give or change it.
		model.addAttribute("answers", this.answers.ofProject(id, found, locale));
		model.addAttribute("mayAnswer", this.answers.mayAnswerFor(project.gerencia().code()));
		model.addAttribute("answerReasons", this.answers.reasons(locale));
		// Calls not yet published: expected windows of recurring programmes that fit it.
		model.addAttribute("upcoming",
				this.recurring.orderedStream().flatMap(r -> r.upcomingFor(project, locale).stream()).toList());
		return "projects/project";
	}

}
