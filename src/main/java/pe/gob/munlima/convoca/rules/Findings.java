package pe.gob.munlima.convoca.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The fact rules write their findings into. One instance per evaluation, so concurrent
 * evaluations never share it.
 */
public final class Findings {

	private final long projectId;

	private final List<Reason> reasons = new ArrayList<>();

	/**
	 * @param projectId the project these findings are about: rules that read a project
	 * tie their findings to it ({@code Findings( projectId == $p.projectId )}), so one
	 * session can judge a call against many projects at once
	 */
	Findings(long projectId) {
		this.projectId = projectId;
	}

	public long getProjectId() {
		return this.projectId;
	}

	public void notEligible(String ruleId, String messageKey, String evidence, String fixKey, Object... args) {
		add(ruleId, Severity.NOT_ELIGIBLE, messageKey, evidence, fixKey, args);
	}

	public void needsReview(String ruleId, String messageKey, String evidence, String fixKey, Object... args) {
		add(ruleId, Severity.NEEDS_REVIEW, messageKey, evidence, fixKey, args);
	}

	public void pass(String ruleId, String messageKey, String evidence, Object... args) {
		add(ruleId, Severity.PASS, messageKey, evidence, null, args);
	}

	/** A NOT_ELIGIBLE finding whose fix needs other arguments than the reason. */
	public void notEligible(String ruleId, String messageKey, String evidence, List<?> args, String fixKey,
			List<?> fixArgs) {
		this.reasons
			.add(new Reason(ruleId, Severity.NOT_ELIGIBLE, messageKey, texts(args), evidence, fixKey, texts(fixArgs)));
	}

	/** A NEEDS_REVIEW finding whose fix needs other arguments than the reason. */
	public void needsReview(String ruleId, String messageKey, String evidence, List<?> args, String fixKey,
			List<?> fixArgs) {
		this.reasons
			.add(new Reason(ruleId, Severity.NEEDS_REVIEW, messageKey, texts(args), evidence, fixKey, texts(fixArgs)));
	}

	private static List<String> texts(List<?> values) {
		List<String> rendered = new ArrayList<>(values.size());
		for (Object value : values) {
			rendered.add(text(value));
		}
		return rendered;
	}

	List<Reason> reasons() {
		return List.copyOf(this.reasons);
	}

	private void add(String ruleId, Severity severity, String messageKey, String evidence, String fixKey,
			Object[] args) {
		List<String> rendered = new ArrayList<>(args.length);
		for (Object arg : args) {
			rendered.add(text(arg));
		}
		// Fix messages take the same arguments as the reason they repair.
		this.reasons.add(new Reason(ruleId, severity, messageKey, rendered, evidence, fixKey,
				fixKey == null ? List.of() : rendered));
	}

	static String text(Object value) {
		if (value instanceof java.util.Collection<?> values) {
			return String.join(", ", values.stream().map(Findings::text).toList());
		}
		if (value instanceof Double || value instanceof Long || value instanceof java.math.BigDecimal) {
			return number(new java.math.BigDecimal(value.toString()));
		}
		return String.valueOf(value);
	}

	/**
	 * Money, populations and percentages as Lima writes them: 1,500,000 and 12.5 (at most
	 * two decimals, no locale involved). Hand-written because rules format numbers
	 * millions of times in a re-match, and a DecimalFormat per call costs more than the
	 * rule itself.
	 */
	public static String number(java.math.BigDecimal value) {
		java.math.BigDecimal rounded = value.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
		String plain = rounded.abs().toPlainString();
		int dot = plain.indexOf('.');
		String whole = dot < 0 ? plain : plain.substring(0, dot);
		StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3 + 1);
		if (rounded.signum() < 0) {
			out.append('-');
		}
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0) {
				out.append(',');
			}
			out.append(whole.charAt(i));
		}
		if (dot >= 0) {
			out.append(plain, dot, plain.length());
		}
		return out.toString();
	}

}
