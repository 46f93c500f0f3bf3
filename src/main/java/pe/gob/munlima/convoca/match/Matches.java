package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the stored matches for the other modules: what is new since a moment,
 * for the Panel (and a digest). A new match is a pair first judged since then that a
 * project or gerencia can act on: ELIGIBLE or NEEDS_REVIEW; a new NOT_ELIGIBLE pair is no
 * news.
 */
@Service
@Transactional(readOnly = true)
public class Matches {

	static final List<String> WORTH_A_LOOK = List.of(Verdict.ELIGIBLE.name(), Verdict.NEEDS_REVIEW.name());

	private final MatchRepository matches;

	private final Calls calls;

	private final Projects projects;

	Matches(MatchRepository matches, Calls calls, Projects projects) {
		this.matches = matches;
		this.calls = calls;
		this.projects = projects;
	}

	public long countNewSince(Instant since) {
		return this.matches.countByFirstSeenAtGreaterThanEqualAndVerdictIn(since, WORTH_A_LOOK);
	}

	/** The newest first, at most {@code limit}. */
	public List<NewMatch> newSince(Instant since, int limit) {
		Map<Long, GerenciaProfile> gerencias = this.projects.gerencias()
			.stream()
			.collect(Collectors.toMap(GerenciaProfile::id, Function.identity()));
		List<NewMatch> found = new ArrayList<>();
		for (Match match : this.matches.findByFirstSeenAtGreaterThanEqualAndVerdictInOrderByFirstSeenAtDescIdDesc(since,
				WORTH_A_LOOK, Limit.of(limit))) {
			String callTitle = this.calls.find(match.getCallId()).map(CallView::title).orElse(null);
			Optional<ProjectProfile> project = match.getProjectId() == null ? Optional.empty()
					: this.projects.find(match.getProjectId());
			GerenciaProfile gerencia = project.map(ProjectProfile::gerencia)
				.orElseGet(() -> gerencias.get(match.getGerenciaId()));
			if (callTitle != null && gerencia != null) {
				found.add(new NewMatch(match.getCallId(), callTitle, match.getProjectId(),
						project.map(ProjectProfile::title).orElse(gerencia.name()), gerencia.code(), match.getVerdict(),
						match.getFirstSeenAt()));
			}
		}
		return found;
	}

	/**
	 * @param projectId the project judged, or null when the match is a gerencia's (a call
	 * it has no project for)
	 * @param subject the project's title or the gerencia's name
	 * @param gerencia the code of the gerencia concerned
	 */
	public record NewMatch(long callId, String callTitle, Long projectId, String subject, String gerencia,
			String verdict, Instant firstSeenAt) {
	}

}
