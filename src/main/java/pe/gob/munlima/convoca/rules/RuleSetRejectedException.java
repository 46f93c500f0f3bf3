package pe.gob.munlima.convoca.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that did not compile; the working set stays active. */
public class RuleSetRejectedException extends RuntimeException {

	private final List<RuleError> errors;

	RuleSetRejectedException(List<RuleError> errors) {
		super("Rule set rejected: " + errors.stream().map(RuleError::toString).collect(Collectors.joining("; ")));
		this.errors = List.copyOf(errors);
	}

	public List<RuleError> errors() {
		return this.errors;
	}

}
