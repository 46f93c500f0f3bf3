package pe.gob.munlima.convoca.match;

import java.util.Locale;

import pe.gob.munlima.convoca.project.ProjectPageSection;
import pe.gob.munlima.convoca.project.ProjectProfile;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The project page's "Convocatorias evaluadas": every call judged for the project,
 * grouped by verdict, each with its reasons and what would fix them, and the gerencia's
 * answer ("nos interesa", "no aplica") with the form to give it. Last on the page: it is
 * the longest part, below what is expected soon.
 */
@Component
class ProjectVerdicts implements ProjectPageSection {

	private final MatchViews matches;

	private final AnswerService answers;

	ProjectVerdicts(MatchViews matches, AnswerService answers) {
		this.matches = matches;
		this.answers = answers;
	}

	@Override
	public String fragment() {
		return "matches/sections :: project";
	}

	@Override
	public int getOrder() {
		return 100;
	}

	@Override
	public void contribute(ProjectProfile project, Locale locale, Model model) {
		var found = this.matches.ofProject(project.id(), null, locale);
		model.addAttribute("groups", VerdictGroup.of(found, MatchViews.MatchView::verdict));
		model.addAttribute("verdictCounts", VerdictGroup.counts(found.stream().map(MatchViews.MatchView::verdict)));
		// The gerencia's answer beside each verdict, and the form to give or change it.
		model.addAttribute("answers", this.answers.ofProject(project.id(), found, locale));
		model.addAttribute("mayAnswer", this.answers.mayAnswerFor(project.gerencia().code()));
		model.addAttribute("answerReasons", this.answers.reasons(locale));
	}

}
