package pe.gob.munlima.convoca.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One rule test case of {@code rules/tests/*.yaml}: given a call and a project, the
 * expected verdict and the rule ids that must (and must not) give a reason. Written by
 * the people who edit the rules, in the OpenFisca style of tests as data.
 */
public record RuleScenario(String name, LocalDate today, Integer leadDays, GivenCall call, GivenProject project,
		GivenApplicant applicant, Expect expect) {

	/** Call facts; a missing criterion stays null ("the call does not say"). */
	public record GivenCall(LocalDate deadline, List<String> applicantTypes, List<String> eligibleGeographies,
			List<String> excludedCountries, List<String> themes, Boolean reimbursable, Map<String, String> evidence) {
	}

	public record GivenProject(List<String> themes, List<String> gerenciaCompetences) {
	}

	/** Lima by default. */
	public record GivenApplicant(String applicantType, String country, List<String> geographies) {
	}

	/**
	 * @param reasons rule ids that must appear among the reasons
	 * @param absent rule ids that must not appear
	 */
	public record Expect(Verdict verdict, List<String> reasons, List<String> absent) {
	}

	static final GivenApplicant LIMA = new GivenApplicant("LOCAL_GOVERNMENT", "PE",
			List.of("PE", "LATAM", "SOUTH_AMERICA", "ANDEAN", "ODA", "GLOBAL"));

	public CallFacts callFacts() {
		return new CallFacts(1L, this.name, this.call.deadline(), this.call.applicantTypes(),
				this.call.eligibleGeographies(), this.call.excludedCountries(), this.call.themes(),
				this.call.reimbursable(), this.call.evidence());
	}

	public ProjectFacts projectFacts() {
		GivenProject given = this.project == null ? new GivenProject(List.of(), List.of()) : this.project;
		return new ProjectFacts(1L, "proyecto", given.themes(), given.gerenciaCompetences());
	}

	public ApplicantFacts applicantFacts() {
		GivenApplicant given = this.applicant == null ? LIMA : this.applicant;
		return new ApplicantFacts(given.applicantType(), given.country(), given.geographies());
	}

	public EvaluationContext context() {
		return new EvaluationContext(this.today == null ? LocalDate.of(2026, 11, 24) : this.today,
				this.leadDays == null ? 30 : this.leadDays);
	}

}
