package pe.gob.munlima.convoca.match;

import java.util.ArrayList;
import java.util.List;

import pe.gob.munlima.convoca.rules.ApplicantFacts;
import pe.gob.munlima.convoca.rules.CallFacts;
import pe.gob.munlima.convoca.rules.EvaluationContext;
import pe.gob.munlima.convoca.rules.ProjectFacts;
import pe.gob.munlima.convoca.rules.Verdict;

/**
 * The shipped rule set written as plain Java predicates, only for the benchmark that
 * measures what Drools costs over hand-written code on the same pairs. It returns the ids
 * of the rules that fire and the verdict; the test MatchingBenchmark checks both engines
 * agree on every pair it times.
 */
final class PlainJavaRules {

	private PlainJavaRules() {
	}

	static Result evaluate(CallFacts c, ProjectFacts p, ApplicantFacts a, EvaluationContext ctx) {
		List<String> notEligible = new ArrayList<>();
		List<String> review = new ArrayList<>();
		List<String> pass = new ArrayList<>();
		if (c.deadline() == null) {
			review.add("deadline-unknown");
		}
		else if (c.deadline().isBefore(ctx.today())) {
			notEligible.add("deadline-passed");
		}
		else if (c.deadline().isBefore(ctx.lastDayToStart())) {
			review.add("deadline-too-close");
		}
		else {
			pass.add("deadline-ok");
		}
		if (c.applicantTypes() == null) {
			review.add("applicant-type-unknown");
		}
		else if (c.allowsAnyApplicantType(a.applicantType())) {
			pass.add("applicant-type-ok");
		}
		else {
			notEligible.add("applicant-type-excluded");
		}
		boolean excluded = c.excludesAnyGeography(a.geographies());
		if (excluded) {
			notEligible.add("country-excluded");
		}
		if (c.eligibleGeographies() == null) {
			if (!excluded) {
				review.add("geography-unknown");
			}
		}
		else if (!c.allowsAnyGeography(a.geographies())) {
			notEligible.add("geography-not-eligible");
		}
		else if (!excluded) {
			pass.add("geography-ok");
		}
		if (a.incomeGroup() != null) {
			if (c.excludedIncomeGroups() != null && c.excludedIncomeGroups().contains(a.incomeGroup())) {
				notEligible.add("income-group-excluded");
			}
			if (c.eligibleIncomeGroups() != null) {
				(c.eligibleIncomeGroups().contains(a.incomeGroup()) ? pass : notEligible)
					.add(c.eligibleIncomeGroups().contains(a.incomeGroup()) ? "income-group-ok"
							: "income-group-not-eligible");
			}
		}
		if (c.themes() == null) {
			review.add("theme-unknown");
		}
		else if (c.sharesTheme(p.themes())) {
			pass.add("theme-ok");
		}
		else if (c.sharesTheme(p.gerenciaCompetences())) {
			if (!p.gerencia()) {
				review.add("theme-gerencia-only");
			}
		}
		else {
			notEligible.add("theme-mismatch");
		}
		if (p.gerencia() && c.sharesTheme(p.themes())) {
			review.add("gerencia-without-project");
		}
		if (Boolean.TRUE.equals(c.reimbursable())) {
			notEligible.add("reimbursable-instrument");
		}
		if (p.requestedUsd() != null) {
			if (!c.statesAmount()) {
				review.add("grant-size-unknown");
			}
			else {
				boolean above = c.amountMaxUsd() != null && c.amountMaxUsd() < p.requestedUsd();
				boolean below = c.amountMinUsd() != null && c.amountMinUsd() > p.requestedUsd();
				if (above) {
					notEligible.add("requested-above-maximum");
				}
				if (below) {
					notEligible.add("requested-below-minimum");
				}
				if (!above && !below) {
					pass.add("grant-size-ok");
				}
			}
		}
		if (c.coFinancingPct() != null && c.coFinancingPct() > 0) {
			Double needed = p.coFinancingNeededUsd(c.coFinancingPct());
			if (p.budgetUsd() == null || p.coFinancingAvailableUsd() == null) {
				review.add("co-financing-unknown-budget");
			}
			else if (p.coFinancingAvailableUsd() < needed) {
				notEligible.add("co-financing-insufficient");
			}
			else {
				pass.add("co-financing-ok");
			}
		}
		if (c.partnershipRegion() != null) {
			if (p.partnerRegions().contains(c.partnershipRegion())) {
				pass.add("partner-ok");
			}
			else {
				notEligible.add(a.sisterCitiesIn(c.partnershipRegion()).isEmpty() ? "partner-missing"
						: "partner-missing-sister-city-available");
			}
		}
		if (c.networkRequired() != null) {
			(a.belongsTo(c.networkRequired()) ? pass : notEligible)
				.add(a.belongsTo(c.networkRequired()) ? "network-membership-ok" : "network-membership-missing");
		}
		if (a.population() != null && (c.populationMin() != null || c.populationMax() != null)) {
			boolean small = c.populationMin() != null && c.populationMin() > a.population();
			boolean large = c.populationMax() != null && c.populationMax() < a.population();
			if (small) {
				notEligible.add("population-below-minimum");
			}
			if (large) {
				notEligible.add("population-above-maximum");
			}
			if (!small && !large) {
				pass.add("population-ok");
			}
		}
		if (c.durationMonthsMax() != null && p.durationMonths() != null) {
			(p.durationMonths() > c.durationMonthsMax() ? notEligible : pass)
				.add(p.durationMonths() > c.durationMonthsMax() ? "duration-too-long" : "duration-ok");
		}
		if (c.applicationLanguages() != null) {
			(c.acceptsLanguageOf(p.languages()) ? pass : review)
				.add(c.acceptsLanguageOf(p.languages()) ? "application-language-ok" : "application-language-missing");
		}
		if (c.requiredRegistrations() != null) {
			(c.requiresRegistrationOutside(a.registrations()) ? notEligible : pass)
				.add(c.requiresRegistrationOutside(a.registrations()) ? "registration-missing" : "registration-ok");
		}
		Verdict verdict = !notEligible.isEmpty() ? Verdict.NOT_ELIGIBLE
				: !review.isEmpty() ? Verdict.NEEDS_REVIEW : Verdict.ELIGIBLE;
		List<String> all = new ArrayList<>(notEligible);
		all.addAll(review);
		all.addAll(pass);
		return new Result(verdict, all);
	}

	record Result(Verdict verdict, List<String> ruleIds) {
	}

}
