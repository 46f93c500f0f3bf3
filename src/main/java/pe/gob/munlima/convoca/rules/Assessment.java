package pe.gob.munlima.convoca.rules;

import java.util.Comparator;
import java.util.List;

/**
 * The verdict and its reasons, most serious first.
 *
 * @param ruleSetVersion hash of the rule files that produced it
 */
public record Assessment(Verdict verdict, List<Reason> reasons, String ruleSetVersion) {

	static Assessment of(List<Reason> reasons, String ruleSetVersion) {
		List<Reason> ordered = reasons.stream()
			.sorted(Comparator.comparing(Reason::severity).thenComparing(Reason::ruleId))
			.toList();
		Verdict verdict = Verdict.ELIGIBLE;
		if (ordered.stream().anyMatch(r -> r.severity() == Severity.NOT_ELIGIBLE)) {
			verdict = Verdict.NOT_ELIGIBLE;
		}
		else if (ordered.stream().anyMatch(r -> r.severity() == Severity.NEEDS_REVIEW)) {
			verdict = Verdict.NEEDS_REVIEW;
		}
		return new Assessment(verdict, ordered, ruleSetVersion);
	}

}
