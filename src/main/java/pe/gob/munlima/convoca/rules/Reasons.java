package pe.gob.munlima.convoca.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The reasons found about one project, or about the call itself ({@link CallFindings}),
 * in the order the rules gave them. Rules reach a project's reasons through
 * {@link Findings#about(ProjectFacts)}; one instance per evaluation, so concurrent
 * evaluations never share it.
 */
public final class Reasons {

	private final List<Reason> reasons = new ArrayList<>();

	Reasons() {
	}

	public void notEligible(String ruleId, String messageKey, Object evidence, String fixKey, Object... args) {
		add(ruleId, Severity.NOT_ELIGIBLE, messageKey, evidence, fixKey, args);
	}

	public void needsReview(String ruleId, String messageKey, Object evidence, String fixKey, Object... args) {
		add(ruleId, Severity.NEEDS_REVIEW, messageKey, evidence, fixKey, args);
	}

	public void pass(String ruleId, String messageKey, Object evidence, Object... args) {
		add(ruleId, Severity.PASS, messageKey, evidence, null, args);
	}

	/** A NOT_ELIGIBLE finding whose fix needs other arguments than the reason. */
	public void notEligible(String ruleId, String messageKey, Object evidence, List<?> args, String fixKey,
			List<?> fixArgs) {
		Quote quote = Quote.of(evidence);
		this.reasons.add(new Reason(ruleId, Severity.NOT_ELIGIBLE, messageKey, Findings.texts(args), quote.text(),
				fixKey, Findings.texts(fixArgs), quote.fact(), quote.confirmed()));
	}

	/** A NEEDS_REVIEW finding whose fix needs other arguments than the reason. */
	public void needsReview(String ruleId, String messageKey, Object evidence, List<?> args, String fixKey,
			List<?> fixArgs) {
		Quote quote = Quote.of(evidence);
		this.reasons.add(new Reason(ruleId, Severity.NEEDS_REVIEW, messageKey, Findings.texts(args), quote.text(),
				fixKey, Findings.texts(fixArgs), quote.fact(), quote.confirmed()));
	}

	/** The reasons so far, in the order they were given (a view, not a copy). */
	List<Reason> reasons() {
		return java.util.Collections.unmodifiableList(this.reasons);
	}

	private void add(String ruleId, Severity severity, String messageKey, Object evidence, String fixKey,
			Object[] args) {
		String[] texts = new String[args.length];
		for (int i = 0; i < texts.length; i++) {
			texts[i] = Findings.text(args[i]);
		}
		List<String> rendered = List.of(texts);
		// Fix messages take the same arguments as the reason they repair.
		Quote quote = Quote.of(evidence);
		this.reasons.add(new Reason(ruleId, severity, messageKey, rendered, quote.text(), fixKey,
				fixKey == null ? List.of() : rendered, quote.fact(), quote.confirmed()));
	}

}
