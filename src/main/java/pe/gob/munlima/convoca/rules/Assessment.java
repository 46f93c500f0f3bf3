package pe.gob.munlima.convoca.rules;

import java.util.Comparator;
import java.util.List;

/**
 * The verdict and its reasons, most serious first.
 *
 * @param ruleSetVersion hash of the rule files that produced it
 */
public record Assessment(Verdict verdict, List<Reason> reasons, String ruleSetVersion) {

	private static final Comparator<Reason> ORDER = Comparator.comparing(Reason::severity)
		.thenComparing(Reason::ruleId);

	static Assessment of(List<Reason> reasons, String ruleSetVersion) {
		List<Reason> ordered = new java.util.ArrayList<>(reasons);
		ordered.sort(ORDER);
		Verdict verdict = Verdict.ELIGIBLE;
		for (Reason reason : ordered) {
			if (reason.severity() == Severity.NOT_ELIGIBLE) {
				verdict = Verdict.NOT_ELIGIBLE;
				break;
			}
			if (reason.severity() == Severity.NEEDS_REVIEW) {
				verdict = Verdict.NEEDS_REVIEW;
			}
		}
		return new Assessment(verdict, List.copyOf(ordered), ruleSetVersion);
	}

}
