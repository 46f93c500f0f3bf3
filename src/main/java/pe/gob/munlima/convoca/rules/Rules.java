package pe.gob.munlima.convoca.rules;

import java.util.List;
import java.util.Map;

/**
 * A compiled rule set other modules can evaluate with: the active one, or a candidate for
 * a dry run. Immutable, so it can be shared by any number of threads.
 */
public final class Rules {

	private final RuleSet set;

	private final java.time.LocalDate today;

	/**
	 * @param today the day the rules judge on: the parameters are the values in force on
	 * it
	 */
	Rules(RuleSet set, java.time.LocalDate today) {
		this.set = set;
		this.today = today;
	}

	/** Compiles and tests a rule folder (for tools and benchmarks outside Spring). */
	public static Rules load(java.nio.file.Path dir) {
		return new Rules(new RuleCompiler().prepare(RuleCompiler.readFolder(dir), java.time.Instant.now()),
				java.time.LocalDate.now(Eligibility.LIMA));
	}

	public String version() {
		return this.set.version();
	}

	/** The parameters in force on the day these rules judge on. */
	public RuleParameters parameters() {
		return this.set.parameters().at(this.today);
	}

	public Assessment evaluate(CallFacts call, ProjectFacts project, ApplicantFacts applicant,
			EvaluationContext context) {
		return Eligibility.evaluate(this.set, call, project, applicant, context);
	}

	/** One call against many projects, in one session; results in the projects' order. */
	public List<Assessment> evaluateAll(CallFacts call, List<ProjectFacts> projects, ApplicantFacts applicant,
			EvaluationContext context) {
		return Eligibility.evaluateAll(this.set, call, projects, applicant, context);
	}

	/**
	 * The criterion a rule judges: the name of the rule file it is written in
	 * ({@code applicant-type} for {@code applicant-type-unknown}, {@code geography} for
	 * {@code country-excluded}), as rules/README.md lists the criteria; null for a rule
	 * this set does not have.
	 */
	public String criterionOf(String ruleId) {
		String declaration = "rule \"" + ruleId + "\"";
		return ruleFiles().stream()
			.filter(name -> name.endsWith(".drl") && this.set.files().get(name).contains(declaration))
			.map(name -> name.substring(name.lastIndexOf('/') + 1, name.length() - ".drl".length()))
			.findFirst()
			.orElse(null);
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
