package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Severity;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to stored matches for the other modules (application tracking, reports),
 * and the rendering of their reasons in the reader's language.
 */
@Service
@Transactional(readOnly = true)
public class Matches {

	private final MatchRepository matches;

	private final ReasonRenderer renderer;

	private final ReasonsJson json = new ReasonsJson();

	Matches(MatchRepository matches, ReasonRenderer renderer) {
		this.matches = matches;
		this.renderer = renderer;
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
	public List<StoredMatch> ofCalls(java.util.Collection<Long> callIds) {
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

}
