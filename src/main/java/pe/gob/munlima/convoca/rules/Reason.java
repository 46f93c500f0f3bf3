package pe.gob.munlima.convoca.rules;

import java.util.List;

/**
 * One finding of one rule, as in 18F's eligibility-rules service: which rule, how
 * serious, a message key (rendered from the es / en bundles) with its arguments, the
 * evidence it relied on (a sentence of the call or the name of a field) and, when
 * something can be done, a fix as another message key.
 */
public record Reason(String ruleId, Severity severity, String messageKey, List<String> args, String evidence,
		String fixKey, List<String> fixArgs) {

	public Reason {
		args = args == null ? List.of() : List.copyOf(args);
		fixArgs = fixArgs == null ? List.of() : List.copyOf(fixArgs);
	}

}
