package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Severity;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to stored matches for the other modules: application tracking and reports
 * (a match by id, a project's, a period's), the Panel and the digests (what is new since
 * a moment), and the rendering of reasons in the reader's language. A new match is a pair
 * first judged since then that a project or gerencia can act on: ELIGIBLE or
 * NEEDS_REVIEW; a new NOT_ELIGIBLE pair is no news, nor is one its gerencia answered "no
 * aplica" (while the verdict stays the one answered).
 */
@Service
@Transactional(readOnly = true)
public class Matches {

	static final List<String> WORTH_A_LOOK = List.of(Verdict.ELIGIBLE.name(), Verdict.NEEDS_REVIEW.name());

	private final MatchRepository matches;

	private final ReasonRenderer renderer;

	private final Calls calls;

	private final Projects projects;

	private final ReasonsJson json = new ReasonsJson();

	Matches(MatchRepository matches, ReasonRenderer renderer, Calls calls, Projects projects) {
		this.matches = matches;
		this.renderer = renderer;
		this.calls = calls;
		this.projects = projects;
	}

	public Optional<StoredMatch> find(long matchId) {
		return this.matches.findById(matchId).map(this::stored);
	}

	/** Every stored verdict of a project, best score first. */
	public List<StoredMatch> ofProject(long projectId) {
		return this.matches.findByProjectIdOrderByScoreDescCallIdAsc(projectId).stream().map(this::stored).toList();
	}

	/**
	 * The matches Convoca first found in {@code [from, to)}, with their current verdict,
	 * in id order.
	 */
	public List<StoredMatch> firstSeenBetween(Instant from, Instant to) {
		return this.matches.findByFirstSeenAtGreaterThanEqualAndFirstSeenAtLessThanOrderByIdAsc(from, to)
			.stream()
			.map(this::stored)
			.toList();
	}

	/** Every stored verdict of these calls, for projects and gerencias alike. */
	public List<StoredMatch> ofCalls(Collection<Long> callIds) {
		return this.matches.findByCallIdInOrderByIdAsc(callIds).stream().map(this::stored).toList();
	}

	public ReasonText render(Reason reason, Locale locale) {
		ReasonRenderer.RenderedReason rendered = this.renderer.render(List.of(reason), locale).get(0);
		return new ReasonText(rendered.ruleId(), Severity.valueOf(rendered.severity()), rendered.message(),
				rendered.evidence(), rendered.fix());
	}

	/** "Elegible", "Requiere revisión", "No elegible" (or English). */
	public String verdictLabel(Verdict verdict, Locale locale) {
		return this.renderer.verdict(verdict.name(), locale);
	}

	private StoredMatch stored(Match match) {
		return new StoredMatch(match.getId(), match.getCallId(), match.getProjectId(), match.getGerenciaId(),
				Verdict.valueOf(match.getVerdict()), this.json.read(match.getReasons()), match.getScore(),
				match.getFirstSeenAt(), match.getChangedAt());
	}

	public long countNewSince(Instant since) {
		return this.matches.countNewNotDismissed(since, WORTH_A_LOOK);
	}

}
