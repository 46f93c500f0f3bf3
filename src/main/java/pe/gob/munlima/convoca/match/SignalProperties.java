package pe.gob.munlima.convoca.match;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which new matches the Panel and the digest show line by line, and which doubts belong
 * to the call rather than to a project (issue 17, "Signal, not noise"). The values are
 * data, measured on the evaluation set ({@code docs/quality.md}, "Signal"), not constants
 * in code.
 *
 * @param minScore the least percolation score (the call against the project's or
 * gerencia's theme query, stored as {@code match.score}) at which a pair is shown
 * @param themeOverlap whether a theme the call states and the project (or gerencia)
 * shares shows the pair whatever its score
 * @param callDoubts ids of the rules whose NEEDS_REVIEW finding is a doubt about the
 * call's own facts (who may apply, where, how much, until when): shown once, at the call;
 * a trailing {@code *} or a leading {@code *} matches any prefix or suffix
 * @param pairsPerCall projects (or gerencias) listed under one call on the Panel and in
 * the digest, best fit first; the call's page lists them all
 */
@ConfigurationProperties("convoca.match.signal")
record SignalProperties(Float minScore, Boolean themeOverlap, List<String> callDoubts, Integer pairsPerCall) {

	SignalProperties {
		if (pairsPerCall == null || pairsPerCall < 1) {
			pairsPerCall = 5;
		}
		if (minScore == null || minScore < 0) {
			minScore = 0f;
		}
		if (themeOverlap == null) {
			themeOverlap = true;
		}
		callDoubts = callDoubts == null ? List.of() : List.copyOf(callDoubts);
	}

	/** Whether a finding of this rule is a doubt about the call's facts. */
	boolean isCallDoubt(String ruleId) {
		for (String pattern : this.callDoubts) {
			boolean matches = pattern.startsWith("*") ? ruleId.endsWith(pattern.substring(1)) : pattern.endsWith("*")
					? ruleId.startsWith(pattern.substring(0, pattern.length() - 1)) : ruleId.equals(pattern);
			if (matches) {
				return true;
			}
		}
		return false;
	}

}
