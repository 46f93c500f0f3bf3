package pe.gob.munlima.convoca.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The shipped rule set written as plain Java predicates, producing the very same reasons
 * (ids, message keys, arguments, evidence, fixes) and verdicts as the DRL files. It
 * exists only for the matching benchmark, which measures what Drools costs over
 * hand-written code on the same pairs; {@link PlainJavaEligibilityTests} proves both
 * agree on every rule test case. A change to a .drl file that is not mirrored here shows
 * up as disagreements.
 */
public final class PlainJavaEligibility {

	private PlainJavaEligibility() {
	}

	/** One call against many projects, in the projects' order, as Rules#evaluateAll. */
	public static List<Assessment> evaluateAll(CallFacts c, List<ProjectFacts> projects, ApplicantFacts a,
			EvaluationContext ctx, String version) {
		Reasons call = new Reasons();
		judgeCall(c, a, ctx, call);
		List<Reason> aboutTheCall = call.reasons();
		List<Assessment> result = new ArrayList<>(projects.size());
		for (ProjectFacts p : projects) {
			Reasons f = new Reasons();
			judgeProject(c, p, a, f);
			result.add(Assessment.of(aboutTheCall, f.reasons(), version));
		}
		return result;
	}

	private static void judgeCall(CallFacts c, ApplicantFacts a, EvaluationContext ctx, Reasons f) {
		if (c.applicantTypes() == null) {
			f.needsReview("applicant-type-unknown", "reason.applicantType.unknown", "applicantTypes",
					"fix.applicantType.unknown");
		}
		else if (c.allowsAnyApplicantType(a.applicantType())) {
			f.pass("applicant-type-ok", "reason.applicantType.ok", c.evidenceFor("applicantTypes"), c.applicantTypes());
		}
		else if (c.evidenceNames("applicantTypes", a.applicantType())) {
			f.needsReview("applicant-type-self-check", "reason.applicantType.selfCheck",
					c.evidenceFor("applicantTypes"), "fix.applicantType.selfCheck", c.applicantTypes());
		}
		else {
			f.notEligible("applicant-type-excluded", "reason.applicantType.excluded", c.evidenceFor("applicantTypes"),
					"fix.applicantType.excluded", c.applicantTypes());
		}
		if (c.deadline() == null && c.isStanding()) {
			f.pass("deadline-standing", "reason.deadline.standing", c.evidenceFor("standing"));
		}
		else if (c.deadline() == null) {
			f.needsReview("deadline-unknown", "reason.deadline.unknown", "deadline", "fix.deadline.unknown");
		}
		else if (c.deadline().isBefore(ctx.today())) {
			f.notEligible("deadline-passed", "reason.deadline.passed", c.evidenceFor("deadline"), null, c.deadline());
		}
		else if (c.deadline().isBefore(ctx.lastDayToStart())) {
			f.needsReview("deadline-too-close", "reason.deadline.tooClose", c.evidenceFor("deadline"),
					"fix.deadline.tooClose", c.deadline(), ctx.leadDays());
		}
		else {
			f.pass("deadline-ok", "reason.deadline.ok", c.evidenceFor("deadline"), c.deadline());
		}
		boolean excluded = c.excludesAnyGeography(a.geographies());
		if (excluded) {
			f.notEligible("country-excluded", "reason.geography.excluded", c.evidenceFor("excludedCountries"), null,
					c.excludedCountries());
		}
		boolean placeNamed = c.evidenceNames("eligibleGeographies", a.geographies());
		if (c.eligibleGeographies() != null && !c.allowsAnyGeography(a.geographies()) && !c.usesFunderDefault()
				&& placeNamed) {
			f.needsReview("geography-self-check", "reason.geography.selfCheck", c.evidenceFor("eligibleGeographies"),
					"fix.geography.selfCheck", c.eligibleGeographies());
		}
		if (c.eligibleGeographies() != null && !c.allowsAnyGeography(a.geographies()) && !c.usesFunderDefault()
				&& !placeNamed) {
			f.notEligible("geography-not-eligible", "reason.geography.notEligible",
					c.evidenceFor("eligibleGeographies"), null, c.eligibleGeographies());
		}
		if (c.eligibleGeographies() != null && !c.allowsAnyGeography(a.geographies()) && c.usesFunderDefault()) {
			f.notEligible("geography-funder-rule", "reason.geography.funderRule", c.evidenceFor("eligibleGeographies"),
					"fix.geography.funderRule", c.funderRule(), c.eligibleGeographies());
		}
		if (c.allowsAnyGeography(a.geographies()) && !excluded) {
			f.pass("geography-ok", "reason.geography.ok", c.evidenceFor("eligibleGeographies"),
					c.eligibleGeographies());
		}
		if (c.eligibleGeographies() == null && !excluded) {
			f.needsReview("geography-unknown", "reason.geography.unknown", "eligibleGeographies",
					"fix.geography.unknown");
		}
		if (a.incomeGroup() != null) {
			if (c.excludedIncomeGroups() != null && c.excludedIncomeGroups().contains(a.incomeGroup())) {
				f.notEligible("income-group-excluded", "reason.incomeGroup.excluded",
						c.evidenceFor("excludedIncomeGroups"), null, a.incomeGroup());
			}
			if (c.eligibleIncomeGroups() != null && !c.eligibleIncomeGroups().contains(a.incomeGroup())) {
				f.notEligible("income-group-not-eligible", "reason.incomeGroup.notEligible",
						c.evidenceFor("eligibleIncomeGroups"), null, c.eligibleIncomeGroups(), a.incomeGroup());
			}
			if (c.eligibleIncomeGroups() != null && c.eligibleIncomeGroups().contains(a.incomeGroup())) {
				f.pass("income-group-ok", "reason.incomeGroup.ok", c.evidenceFor("eligibleIncomeGroups"),
						a.incomeGroup());
			}
		}
		if (c.themes() == null) {
			f.pass("theme-open", "reason.theme.open", "themes");
		}
		if (Boolean.TRUE.equals(c.reimbursable())) {
			f.notEligible("reimbursable-instrument", "reason.instrument.reimbursable", c.evidenceFor("reimbursable"),
					null);
		}
		if (c.networkRequired() != null) {
			if (a.belongsTo(c.networkRequired())) {
				f.pass("network-membership-ok", "reason.network.ok", c.evidenceFor("networkRequired"),
						c.networkRequired());
			}
			else if (c.admitsIndirectMembers()) {
				f.needsReview("network-membership-indirect", "reason.network.indirect",
						c.evidenceFor("indirectMembers"), "fix.network.indirect", c.networkRequired());
			}
			else {
				f.notEligible("network-membership-missing", "reason.network.missing", c.evidenceFor("networkRequired"),
						"fix.network.missing", c.networkRequired());
			}
		}
		if (a.population() != null) {
			Long min = c.populationMin();
			Long max = c.populationMax();
			if (min != null && min > a.population()) {
				f.notEligible("population-below-minimum", "reason.population.belowMinimum",
						c.evidenceFor("populationMin"), null, min, a.population());
			}
			if (max != null && max < a.population()) {
				f.notEligible("population-above-maximum", "reason.population.aboveMaximum",
						c.evidenceFor("populationMax"), null, max, a.population());
			}
			if ((min != null || max != null) && (min == null || min <= a.population())
					&& (max == null || max >= a.population())) {
				f.pass("population-ok", "reason.population.ok", c.evidenceFor("populationMin", "populationMax"),
						a.population());
			}
		}
		if (c.requiresRegistrationOutside(a.registrations())) {
			f.notEligible("registration-missing", "reason.registration.missing", c.evidenceFor("requiredRegistrations"),
					"fix.registration.missing", c.registrationsMissing(a.registrations()));
		}
		else if (c.requiredRegistrations() != null) {
			f.pass("registration-ok", "reason.registration.ok", c.evidenceFor("requiredRegistrations"),
					c.requiredRegistrations());
		}
	}

	private static void judgeProject(CallFacts c, ProjectFacts p, ApplicantFacts a, Reasons f) {
		if (c.themes() != null && !c.sharesTheme(p.themes()) && !c.restrictsThemes()) {
			f.pass("theme-other-subject", "reason.theme.otherSubject", c.evidenceFor("themes"), c.themes(), p.themes());
		}
		if (c.themes() != null && !c.sharesTheme(p.themes()) && c.restrictsThemes()) {
			if (!c.sharesTheme(p.gerenciaCompetences())) {
				f.notEligible("theme-mismatch", "reason.theme.mismatch", c.evidenceFor("restrictedThemes"),
						"fix.theme.mismatch", c.themes(), p.themes());
			}
			else if (!p.gerencia()) {
				f.needsReview("theme-gerencia-only", "reason.theme.gerenciaOnly", c.evidenceFor("restrictedThemes"),
						"fix.theme.gerenciaOnly", c.themes(), p.themes());
			}
		}
		if (c.sharesTheme(p.themes())) {
			f.pass("theme-ok", "reason.theme.ok", c.evidenceFor("themes"), c.themes());
			if (p.gerencia()) {
				f.needsReview("gerencia-without-project", "reason.portfolio.noProject", c.evidenceFor("themes"),
						"fix.portfolio.noProject", c.sharedThemes(p.themes()));
			}
		}
		Double requested = p.requestedUsd();
		if (requested != null) {
			Double max = c.amountMaxUsd();
			Double min = c.amountMinUsd();
			if (max != null && max < requested) {
				f.notEligible("requested-above-maximum", "reason.grantSize.aboveMaximum", c.evidenceFor("amountMax"),
						List.of(p.requestedText(), c.amountText()), "fix.grantSize.aboveMaximum",
						List.of(max, requested - max));
			}
			if (min != null && min > requested) {
				f.notEligible("requested-below-minimum", "reason.grantSize.belowMinimum", c.evidenceFor("amountMin"),
						List.of(p.requestedText(), c.amountText()), "fix.grantSize.belowMinimum", List.of(min));
			}
			if (c.statesAmount() && (max == null || max >= requested) && (min == null || min <= requested)) {
				f.pass("grant-size-ok", "reason.grantSize.ok", c.evidenceFor("amountMax", "amountMin"),
						p.requestedText(), c.amountText());
			}
			if (!c.statesAmount()) {
				f.needsReview("grant-size-unknown", "reason.grantSize.unknown", "amount", "fix.grantSize.unknown");
			}
		}
		Double pct = c.coFinancingPct();
		if (pct != null && pct > 0) {
			Double needed = p.coFinancingNeededUsd(pct);
			Double available = p.coFinancingAvailableUsd();
			if (available != null && needed != null) {
				if (available < needed) {
					f.notEligible("co-financing-insufficient", "reason.coFinancing.insufficient",
							c.evidenceFor("coFinancingPct"), List.of(pct, needed, available),
							"fix.coFinancing.insufficient", List.of(needed - available));
				}
				else {
					f.pass("co-financing-ok", "reason.coFinancing.ok", c.evidenceFor("coFinancingPct"), pct);
				}
			}
			if (p.budgetUsd() == null || available == null) {
				f.needsReview("co-financing-unknown-budget", "reason.coFinancing.unknownBudget",
						c.evidenceFor("coFinancingPct"), "fix.coFinancing.unknownBudget", pct);
			}
		}
		String region = c.partnershipRegion();
		if (region != null) {
			if (p.partnerRegions().contains(region)) {
				f.pass("partner-ok", "reason.partnership.ok", c.evidenceFor("partnershipRequired"), region);
			}
			else if (!a.sisterCitiesIn(region).isEmpty()) {
				f.notEligible("partner-missing-sister-city-available", "reason.partnership.missing",
						c.evidenceFor("partnershipRequired"), List.of(region), "fix.partnership.sisterCities",
						List.of(region, a.sisterCitiesIn(region)));
			}
			else {
				f.notEligible("partner-missing", "reason.partnership.missing", c.evidenceFor("partnershipRequired"),
						"fix.partnership.find", region);
			}
		}
		if (c.durationMonthsMax() != null && p.durationMonths() != null) {
			if (p.durationMonths() > c.durationMonthsMax()) {
				f.notEligible("duration-too-long", "reason.duration.tooLong", c.evidenceFor("durationMonthsMax"),
						"fix.duration.tooLong", p.durationMonths(), c.durationMonthsMax());
			}
			else {
				f.pass("duration-ok", "reason.duration.ok", c.evidenceFor("durationMonthsMax"), p.durationMonths(),
						c.durationMonthsMax());
			}
		}
		if (c.applicationLanguages() != null) {
			if (c.acceptsLanguageOf(p.languages())) {
				f.pass("application-language-ok", "reason.language.ok", c.evidenceFor("applicationLanguages"),
						c.applicationLanguages());
			}
			else {
				f.needsReview("application-language-missing", "reason.language.missing",
						c.evidenceFor("applicationLanguages"), List.of(c.applicationLanguages(), p.languages()),
						"fix.language.missing", List.of(c.applicationLanguages()));
			}
		}
	}

}
