package pe.gob.munlima.convoca.rules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * One rule test case of {@code rules/tests/*.yaml}: given a call and a project (and Lima
 * as the applicant unless the case says otherwise), the expected verdict and the rule ids
 * that must (and must not) give a reason. Written by the people who edit the rules, in
 * the OpenFisca style of tests as data. Amounts are in USD.
 */
public record RuleScenario(String name, LocalDate today, Integer leadDays, Map<String, Object> call,
		GivenProject project, GivenApplicant applicant, Expect expect) {

	/**
	 * The call block's own keys; every other key names a requirement
	 * ({@link Requirements}), so a new criterion is testable the day it is in the model.
	 */
	static final Set<String> CALL_KEYS = Set.of("deadline", "themes", "amountMinUsd", "amountMaxUsd", "evidence");

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

	/**
	 * The call of the case: a missing criterion stays null ("the call does not say"); a
	 * key that names no requirement is an error, not a silently ignored typo.
	 */
	public CallFacts callFacts() {
		Map<String, Object> given = this.call == null ? Map.of() : this.call;
		Map<String, Object> requirements = new LinkedHashMap<>(given);
		requirements.keySet().removeAll(CALL_KEYS);
		Map<String, String> evidence = strings(given.get("evidence"));
		Double min = number(given.get("amountMinUsd"));
		Double max = number(given.get("amountMaxUsd"));
		Object deadline = given.get("deadline");
		return new CallFacts(1L, this.name, deadline == null ? null : LocalDate.parse(deadline.toString()),
				given.get("themes") == null ? null : strings((List<?>) given.get("themes")),
				Requirements.of(requirements, evidence), min, max, amountText(min, max), evidence);
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

	private static String amountText(Double min, Double max) {
		if (min == null && max == null) {
			return null;
		}
		return "USD " + (min == null ? "" : min + " – ") + (max == null ? "" : max);
	}

	private static Double number(Object value) {
		return value == null ? null : Double.valueOf(value.toString());
	}

	private static List<String> strings(List<?> values) {
		return values.stream().map(String::valueOf).toList();
	}

	private static Map<String, String> strings(Object map) {
		if (map == null) {
			return Map.of();
		}
		Map<String, String> strings = new LinkedHashMap<>();
		((Map<?, ?>) map).forEach((key, value) -> strings.put(String.valueOf(key), String.valueOf(value)));
		return strings;
	}

}
