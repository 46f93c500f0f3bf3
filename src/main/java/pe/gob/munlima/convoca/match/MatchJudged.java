package pe.gob.munlima.convoca.match;

import java.time.Instant;

import pe.gob.munlima.convoca.rules.Verdict;

/**
 * Published, in the transaction that stores it, when the matcher stored a verdict that
 * moved: a pair judged for the first time ({@code before} null), or a verdict or its
 * reasons that changed. A judgement that changed nothing publishes nothing. The alerts
 * keep their own record of what they heard and announced from it.
 *
 * @param projectId the project judged, or null for a gerencia's own match
 * @param gerenciaId the gerencia of a gerencia match; null for a project match
 * @param before the verdict it had; null for a new pair
 * @param at when it was judged
 */
public record MatchJudged(long matchId, long callId, Long projectId, Long gerenciaId, Verdict before, Verdict after,
		Instant at) {

}
