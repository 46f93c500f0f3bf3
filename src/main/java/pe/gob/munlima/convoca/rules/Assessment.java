package pe.gob.munlima.convoca.rules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The verdict and its reasons, most serious first.
 *
 * @param ruleSetVersion hash of the rule files that produced it
 */
public record Assessment(Verdict verdict, List<Reason> reasons, String ruleSetVersion) {

	/**
	 * Most serious first, then by rule id; written out because it runs for every pair.
	 */
	private static final Comparator<Reason> ORDER = (a, b) -> {
		int bySeverity = a.severity().compareTo(b.severity());
		return bySeverity != 0 ? bySeverity : a.ruleId().compareTo(b.ruleId());
	};

	/**
	 * The assessment of one project: what the rules found about the call, which holds for
	 * every project, and what they found about this one.
	 */
	static Assessment of(List<Reason> aboutTheCall, List<Reason> aboutTheProject, String ruleSetVersion) {
		Reason[] ordered = new Reason[aboutTheCall.size() + aboutTheProject.size()];
		int i = 0;
		for (Reason reason : aboutTheCall) {
			ordered[i++] = reason;
		}
		for (Reason reason : aboutTheProject) {
			ordered[i++] = reason;
		}
		Arrays.sort(ordered, ORDER);
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
		return new Assessment(verdict, List.of(ordered), ruleSetVersion);
	}

}
