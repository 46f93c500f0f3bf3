package pe.gob.munlima.convoca.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.call.CallPageSection;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The call page's "Proyectos y gerencias": every project and gerencia judged for the
 * call, with the verdict and its reasons, and each gerencia's answer ("nos interesa", "no
 * aplica") with the form for the gerencias the user acts for. It is what the office opens
 * a call for, so it comes first in the page's body.
 */
@Component
class CallVerdicts implements CallPageSection {

	private final MatchViews matches;

	private final Projects projects;

	private final AnswerService answers;

	CallVerdicts(MatchViews matches, Projects projects, AnswerService answers) {
		this.matches = matches;
		this.projects = projects;
		this.answers = answers;
	}

	@Override
	public Place place() {
		return Place.BODY;
	}

	@Override
	public String fragment() {
		return "matches/sections :: call";
	}

	@Override
	public int getOrder() {
		return 100;
	}

	@Override
	public void contribute(CallView call, Locale locale, Model model) {
		List<MatchViews.MatchView> judged = this.matches.ofCall(call.id(), locale);
		List<MatchRow> rows = rows(judged);
		model.addAttribute("matches", rows);
		model.addAttribute("verdictCounts", VerdictGroup.counts(rows.stream().map(row -> row.match().verdict())));
		// Each project's answer beside its verdict; the form for the gerencias the user
		// acts for.
		model.addAttribute("answers", this.answers.ofCall(call.id(), judged, locale));
		model.addAttribute("answerableGerencias",
				rows.stream()
					.filter(row -> "project".equals(row.kind()))
					.map(MatchRow::gerencia)
					.filter(this.answers::mayAnswerFor)
					.collect(Collectors.toSet()));
		model.addAttribute("answerReasons", this.answers.reasons(locale));
	}

	/** Each verdict with the project or gerencia it is about, and a link to it. */
	private List<MatchRow> rows(List<MatchViews.MatchView> found) {
		Map<Long, GerenciaProfile> gerencias = this.projects.gerencias()
			.stream()
			.collect(Collectors.toMap(GerenciaProfile::id, Function.identity()));
		List<MatchRow> rows = new ArrayList<>();
		for (MatchViews.MatchView match : found) {
			if (match.projectId() != null) {
				this.projects.find(match.projectId()).ifPresent(project -> rows.add(MatchRow.of(match, project)));
			}
			else if (gerencias.containsKey(match.gerenciaId())) {
				rows.add(MatchRow.of(match, gerencias.get(match.gerenciaId())));
			}
		}
		return rows;
	}

	/**
	 * A verdict about a project or a gerencia.
	 *
	 * @param kind {@code project} or {@code gerencia}
	 * @param gerencia the project's gerencia, or the gerencia itself
	 */
	record MatchRow(MatchViews.MatchView match, String kind, String name, String url, String gerencia) {

		static MatchRow of(MatchViews.MatchView match, ProjectProfile project) {
			return new MatchRow(match, "project", project.title(), "/proyectos/" + project.id(),
					project.gerencia().code());
		}

		static MatchRow of(MatchViews.MatchView match, GerenciaProfile gerencia) {
			return new MatchRow(match, "gerencia", gerencia.name(), "/gerencias/" + gerencia.code(), gerencia.code());
		}

	}

}
