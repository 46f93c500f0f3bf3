package pe.gob.munlima.convoca.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One rule test case of {@code rules/tests/*.yaml}: given a call and a project (and Lima
 * as the applicant unless the case says otherwise), the expected verdict and the rule ids
 * that must (and must not) give a reason. Written by the people who edit the rules, in
 * the OpenFisca style of tests as data. Amounts are in USD.
 */
public record RuleScenario(String name, LocalDate today, Integer leadDays, GivenCall call, GivenProject project,
		GivenApplicant applicant, Expect expect) {

	/** Call facts; a missing criterion stays null ("the call does not say"). */
	public record GivenCall(LocalDate deadline, List<String> applicantTypes, List<String> eligibleGeographies,
			List<String> excludedCountries, List<String> eligibleIncomeGroups, List<String> excludedIncomeGroups,
			List<String> themes, Boolean reimbursable, Double amountMinUsd, Double amountMaxUsd, Double coFinancingPct,
			String partnershipRegion, String networkRequired, Long populationMin, Long populationMax,
			Integer durationMonthsMax, List<String> applicationLanguages, List<String> requiredRegistrations,
			Map<String, String> evidence) {
	}

	public record GivenProject(List<String> themes, List<String> gerenciaCompetences, Double requestedUsd,
			Double budgetUsd, Double coFinancingAvailableUsd, Integer durationMonths, List<String> languages,
			List<String> partnerRegions, Boolean gerencia) {
	}

	/** Lima by default. */
	public record GivenApplicant(String applicantType, String country, List<String> geographies, String incomeGroup,
			Long population, List<String> networks, List<String> registrations,
			Map<String, List<String>> sisterCitiesByRegion) {
	}

	/**
	 * @param reasons rule ids that must appear among the reasons
	 * @param absent rule ids that must not appear
	 */
	public record Expect(Verdict verdict, List<String> reasons, List<String> absent) {
	}

	static final GivenApplicant LIMA = new GivenApplicant("LOCAL_GOVERNMENT", "PE",
			List.of("PE", "LATAM", "SOUTH_AMERICA", "ANDEAN", "ODA", "GLOBAL"), "UPPER_MIDDLE", 8_574_974L,
			List.of("C40", "UCCI", "REDCISUR", "AL-LAS", "CIDEU", "ICLEI", "WTCF", "FAO-FOOD"), List.of("APCI"),
			Map.of("EU", List.of("Madrid", "Burdeos", "Trento")));

	public CallFacts callFacts() {
		GivenCall c = this.call;
		return new CallFacts(1L, this.name, c.deadline(), c.applicantTypes(), c.eligibleGeographies(),
				c.excludedCountries(), c.eligibleIncomeGroups(), c.excludedIncomeGroups(), c.themes(), c.reimbursable(),
				c.amountMinUsd(), c.amountMaxUsd(), amountText(c), c.coFinancingPct(), c.partnershipRegion(),
				c.networkRequired(), c.populationMin(), c.populationMax(), c.durationMonthsMax(),
				c.applicationLanguages(), c.requiredRegistrations(), c.evidence());
	}

	public ProjectFacts projectFacts() {
		GivenProject p = this.project == null
				? new GivenProject(List.of(), List.of(), null, null, null, null, null, null, false) : this.project;
		return new ProjectFacts(1L, "proyecto", p.themes(), p.gerenciaCompetences(), p.requestedUsd(),
				p.requestedUsd() == null ? null : "USD " + p.requestedUsd(), p.budgetUsd(), p.coFinancingAvailableUsd(),
				p.durationMonths(), p.languages() == null ? List.of("es") : p.languages(), p.partnerRegions(),
				Boolean.TRUE.equals(p.gerencia()));
	}

	public ApplicantFacts applicantFacts() {
		GivenApplicant a = this.applicant == null ? LIMA : this.applicant;
		return new ApplicantFacts(a.applicantType(), a.country(), a.geographies(), a.incomeGroup(), a.population(),
				a.networks(), a.registrations(), a.sisterCitiesByRegion());
	}

	/**
	 * Cases fix their own thresholds (today 24/11/2026 and 30 lead days unless they say
	 * otherwise), so tuning parameters.yaml never breaks the cases that test rule logic.
	 */
	public EvaluationContext context() {
		return new EvaluationContext(this.today == null ? LocalDate.of(2026, 11, 24) : this.today,
				this.leadDays == null ? 30 : this.leadDays);
	}

	private static String amountText(GivenCall c) {
		if (c.amountMinUsd() == null && c.amountMaxUsd() == null) {
			return null;
		}
		return "USD " + (c.amountMinUsd() == null ? "" : c.amountMinUsd() + " – ")
				+ (c.amountMaxUsd() == null ? "" : c.amountMaxUsd());
	}

}
