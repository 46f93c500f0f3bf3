package pe.gob.munlima.convoca.rules;

import java.util.List;

import pe.gob.munlima.convoca.requirement.Confirmation;

/**
 * One finding of one rule, as in 18F's eligibility-rules service: which rule, how
 * serious, a message key (rendered from the es / en bundles) with its arguments, the
 * evidence it relied on (a sentence of the call or the name of a field) and, when
 * something can be done, a fix as another message key. {@code fact} names the fact of the
 * call the finding rests on (what a review asks about), and {@code confirmed} says when
 * the office confirmed that fact: the reason then says so.
 */
public record Reason(String ruleId, Severity severity, String messageKey, List<String> args, String evidence,
		String fixKey, List<String> fixArgs, String fact, Confirmation confirmed) {

	public Reason {
		args = args == null ? List.of() : List.copyOf(args);
		fixArgs = fixArgs == null ? List.of() : List.copyOf(fixArgs);
	}

	/** A finding that rests on no particular fact of the call. */
	public Reason(String ruleId, Severity severity, String messageKey, List<String> args, String evidence,
			String fixKey, List<String> fixArgs) {
		this(ruleId, severity, messageKey, args, evidence, fixKey, fixArgs, null, null);
	}

}
