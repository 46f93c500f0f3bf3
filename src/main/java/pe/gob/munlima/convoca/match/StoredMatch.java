package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.List;

import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Verdict;

/**
 * A stored verdict as other modules read it: for one call and either one project or one
 * gerencia without a fitting project.
 *
 * @param reasons the findings, most serious first, as the rules wrote them (render them
 * with {@link Matches#render})
 * @param firstSeenAt when Convoca first found the pair
 * @param changedAt when the verdict or its reasons last changed
 */
public record StoredMatch(long id, long callId, Long projectId, Long gerenciaId, Verdict verdict, List<Reason> reasons,
		float score, Instant firstSeenAt, Instant changedAt) {

	public StoredMatch {
		reasons = List.copyOf(reasons);
	}

	/** True for a (call, project) pair, the only kind an application can follow. */
	public boolean isForProject() {
		return this.projectId != null;
	}

}
