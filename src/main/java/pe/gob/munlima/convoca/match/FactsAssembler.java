package pe.gob.munlima.convoca.match;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.List;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.rules.ApplicantFacts;
import pe.gob.munlima.convoca.rules.CallFacts;
import pe.gob.munlima.convoca.rules.Findings;
import pe.gob.munlima.convoca.rules.ProjectFacts;
import pe.gob.munlima.convoca.rules.RuleParameters;
import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * Turns stored calls, projects and Lima's profile into the facts the rules read. Money is
 * converted to USD here, with the dated rate table of the rule set in use, so every rule
 * compares one currency.
 */
final class FactsAssembler {

	/** Deadlines are compared as days on Lima's calendar. */
	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private FactsAssembler() {
	}

	static CallFacts call(CallView call, RuleParameters parameters) {
		Requirements.Money money = call.requirements().money();
		Double min = parameters.toUsd(money.min(), money.currency()).orElse(null);
		Double max = parameters.toUsd(money.max(), money.currency()).orElse(null);
		return new CallFacts(call.id(), call.title(),
				call.deadline() == null ? null : call.deadline().atZone(LIMA).toLocalDate(), call.themes(),
				call.requirements(), min, max, amountText(money), call.evidence(), call.confirmed());
	}

	static ProjectFacts project(ProjectProfile project, RuleParameters parameters) {
		return new ProjectFacts(project.id(), project.title(), project.themes(), project.gerencia().competences(),
				parameters.toUsd(project.requestedAmount(), project.currency()).orElse(null),
				money(project.currency(), project.requestedAmount()),
				parameters.toUsd(project.budget(), project.currency()).orElse(null),
				parameters.toUsd(project.coFinancingAvailable(), project.currency()).orElse(null),
				project.durationMonths(), project.languages(), parameters.regionsOf(project.partners()), false);
	}

	/**
	 * A gerencia judged for a call none of its projects fits: its competences stand in
	 * for themes, amounts and duration are unknown.
	 */
	static ProjectFacts gerencia(GerenciaProfile gerencia) {
		return new ProjectFacts(-gerencia.id(), gerencia.name(), gerencia.competences(), gerencia.competences(), null,
				null, null, null, null, List.of("es"), List.of(), true);
	}

	static ApplicantFacts applicant(OrganisationProfile organisation, RuleParameters parameters) {
		return new ApplicantFacts(organisation.applicantType(), organisation.country(), organisation.geographies(),
				parameters.incomeGroups().getOrDefault(organisation.country(), organisation.incomeGroup()),
				organisation.population(), organisation.networks(), organisation.registrations(),
				parameters.sisterCitiesByRegion(organisation.sisterCities()));
	}

	private static String amountText(Requirements.Money money) {
		if (money.min() == null && money.max() == null) {
			return null;
		}
		if (money.min() == null) {
			return money(money.currency(), money.max());
		}
		if (money.max() == null) {
			return money(money.currency(), money.min());
		}
		return money(money.currency(), money.min()) + " – " + money(money.currency(), money.max());
	}

	private static String money(String currency, BigDecimal amount) {
		return amount == null ? null : currency + " " + Findings.number(amount.setScale(0, RoundingMode.HALF_UP));
	}

}
