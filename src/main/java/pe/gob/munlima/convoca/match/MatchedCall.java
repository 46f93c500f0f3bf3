package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.List;

import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Verdict;

/**
 * A stored verdict as other modules read it (the alerts: digests, calendars, change
 * notices).
 *
 * @param projectId the project judged, or null for a gerencia's own match (a call that
 * fits its competences but none of its projects)
 * @param gerenciaId the gerencia of a gerencia match; null for a project match
 * @param reasons most serious first
 */
public record MatchedCall(long matchId, long callId, Long projectId, Long gerenciaId, Verdict verdict, float score,
		List<Reason> reasons, Instant firstSeenAt, Instant changedAt) {

	/** ELIGIBLE or NEEDS_REVIEW: worth telling someone about. */
	public boolean fits() {
		return this.verdict != Verdict.NOT_ELIGIBLE;
	}

}
