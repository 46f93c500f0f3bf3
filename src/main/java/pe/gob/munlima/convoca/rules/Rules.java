package pe.gob.munlima.convoca.rules;

import java.util.List;
import java.util.Map;

/**
 * A compiled rule set other modules can evaluate with: the active one, or a candidate for
 * a dry run. Immutable, so it can be shared by any number of threads.
 */
public final class Rules {

	private final RuleSet set;

	Rules(RuleSet set) {
		this.set = set;
	}

	public String version() {
		return this.set.version();
	}

	public RuleParameters parameters() {
		return this.set.parameters();
	}

	public Assessment evaluate(CallFacts call, ProjectFacts project, ApplicantFacts applicant,
			EvaluationContext context) {
		return Eligibility.evaluate(this.set, call, project, applicant, context);
	}

	RuleSet set() {
		return this.set;
	}

	Map<String, String> files() {
		return this.set.files();
	}

	List<String> ruleFiles() {
		return this.set.files().keySet().stream().filter(name -> !name.startsWith(RuleCompiler.TESTS)).toList();
	}

}
