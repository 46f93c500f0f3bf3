package pe.gob.munlima.convoca.match;

/**
 * Implemented by a module that builds on stored matches (application tracking): a match
 * it holds is kept when a later run no longer selects the pair as a candidate, because an
 * application's history and checklist hang on it. Matching still judges it again whenever
 * the pair is a candidate.
 */
@FunctionalInterface
public interface MatchHold {

	/** True when the match must not be removed. */
	boolean holds(long matchId);

}
