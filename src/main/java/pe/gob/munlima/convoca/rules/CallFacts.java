package pe.gob.munlima.convoca.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import pe.gob.munlima.convoca.requirement.Confirmation;
import pe.gob.munlima.convoca.requirement.Fact;
import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * What the rules know about a call: its requirements as the call module read them, with
 * the money converted to USD. The methods named after a requirement ({@code
 * networkRequired()}, {@code applicantTypes()} ...) give its value, null when the call
 * does not state it; a rule may also read any fact through {@code requirements}.
 *
 * @param deadline the last day to apply, in Lima's calendar
 * @param themes what the call funds (ranking; a restriction is in the requirements)
 * @param amountMinUsd smallest grant, converted to USD with the dated rate table
 * @param amountMaxUsd largest grant, in USD
 * @param amountText the amounts as the call states them ("EUR 500.000"), for messages
 * @param evidence the sentence each other fact (deadline, themes) was read from
 * @param confirmed the facts the office confirmed or corrected, by name
 */
public record CallFacts(long callId, String title, LocalDate deadline, List<String> themes, Requirements requirements,
		Double amountMinUsd, Double amountMaxUsd, String amountText, Map<String, String> evidence,
		Map<String, Confirmation> confirmed) {

	public CallFacts {
		requirements = requirements == null ? Requirements.NONE : requirements;
		evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
		confirmed = confirmed == null ? Map.of() : Map.copyOf(confirmed);
	}

	/** The facts of a call no fact of which the office confirmed. */
	public CallFacts(long callId, String title, LocalDate deadline, List<String> themes, Requirements requirements,
			Double amountMinUsd, Double amountMaxUsd, String amountText, Map<String, String> evidence) {
		this(callId, title, deadline, themes, requirements, amountMinUsd, amountMaxUsd, amountText, evidence, Map.of());
	}

	/**
	 * The words a fact was read from (a requirement's or another fact's), or the fact's
	 * name when there are none.
	 */
	public Quote evidenceFor(String fact) {
		String quoted = this.requirements.evidence(fact);
		return new Quote(fact, quoted != null ? quoted : this.evidence.getOrDefault(fact, fact),
				this.confirmed.get(fact));
	}

	/** The words of the first of two facts the call states (a minimum or a maximum). */
	public Quote evidenceFor(String fact, String otherwise) {
		return this.requirements.evidence(fact) != null ? evidenceFor(fact) : evidenceFor(otherwise);
	}

	public List<String> applicantTypes() {
		return Fact.valueOf(this.requirements.applicants().applicantTypes());
	}

	public List<String> eligibleGeographies() {
		return Fact.valueOf(this.requirements.places().eligibleGeographies());
	}

	public List<String> excludedCountries() {
		return Fact.valueOf(this.requirements.places().excludedCountries());
	}

	public List<String> eligibleIncomeGroups() {
		return Fact.valueOf(this.requirements.places().eligibleIncomeGroups());
	}

	public List<String> excludedIncomeGroups() {
		return Fact.valueOf(this.requirements.places().excludedIncomeGroups());
	}

	public Long populationMin() {
		return Fact.valueOf(this.requirements.places().populationMin());
	}

	public Long populationMax() {
		return Fact.valueOf(this.requirements.places().populationMax());
	}

	public Boolean reimbursable() {
		return Fact.valueOf(this.requirements.money().reimbursable());
	}

	/** Share of the total cost the applicant must bring (0-100). */
	public Double coFinancingPct() {
		BigDecimal pct = Fact.valueOf(this.requirements.money().coFinancingPct());
		return pct == null ? null : pct.doubleValue();
	}

	/** Region a partner must come from (EU ...), when a partner is required. */
	public String partnershipRegion() {
		return Fact.valueOf(this.requirements.partners().partnershipRequired());
	}

	/** Network the applicant must belong to (C40, UCCI ...). */
	public String networkRequired() {
		return Fact.valueOf(this.requirements.partners().networkRequired());
	}

	public Integer durationMonthsMax() {
		return Fact.valueOf(this.requirements.timing().durationMonthsMax());
	}

	/** Languages a proposal may be written in (es, en, fr, pt). */
	public List<String> applicationLanguages() {
		return Fact.valueOf(this.requirements.applicationLanguages());
	}

	/** Registrations an applicant needs (EU_PIC, SAM_UEI, APCI). */
	public List<String> requiredRegistrations() {
		return Fact.valueOf(this.requirements.requiredRegistrations());
	}

	/** The funder's general rule that says where applicants must be, or null. */
	public String funderRule() {
		return this.requirements.places().funderRule();
	}

	public boolean allowsAnyApplicantType(String type) {
		List<String> types = applicantTypes();
		return types != null && types.contains(type);
	}

	public boolean allowsAnyGeography(Collection<String> places) {
		List<String> eligible = eligibleGeographies();
		return eligible != null && anyIn(places, eligible);
	}

	public boolean excludesAnyGeography(Collection<String> places) {
		List<String> excluded = excludedCountries();
		return excluded != null && anyIn(places, excluded);
	}

	/**
	 * Whether the call restricts its themes in words: the sentence that does so is the
	 * evidence of "themeRestriction". Without it, themes rank projects and exclude none.
	 */
	public boolean restrictsThemes() {
		return this.requirements.restrictedThemes() != null;
	}

	/**
	 * Whether a required network also admits indirect members (through an association
	 * that is a member): the sentence that says so is the evidence of "networkIndirect".
	 */
	public boolean admitsIndirectMembers() {
		return Boolean.TRUE.equals(Fact.valueOf(this.requirements.partners().indirectMembers()));
	}

	/**
	 * Whether where applicants must be comes from the funder's general rule (named by the
	 * evidence "funderDefault") rather than from the call's own words.
	 */
	public boolean usesFunderDefault() {
		return funderRule() != null;
	}

	/**
	 * The self-check: whether the sentence quoted for a fact names one of these (an
	 * applicant type, a country or region) without an exclusion governing it. A refusal
	 * whose own quote names the applicant positively is a reading to review.
	 */
	public boolean evidenceNames(String fact, Collection<String> ids) {
		List<String> named = switch (fact) {
			case "applicantTypes" -> this.requirements.applicants().applicantTypesNamed();
			case "eligibleGeographies" -> this.requirements.places().eligibleGeographiesNamed();
			default -> List.of();
		};
		for (String id : named) {
			if (ids.contains(id)) {
				return true;
			}
		}
		return false;
	}

	public boolean evidenceNames(String fact, String id) {
		return id != null && evidenceNames(fact, List.of(id));
	}

	/**
	 * Whether the call is a standing programme (rolling window, "ventanilla abierta", a
	 * yearly programme with no dated round): the sentence that says so is the evidence of
	 * "standing".
	 */
	public boolean isStanding() {
		return Boolean.TRUE.equals(Fact.valueOf(this.requirements.timing().standing()));
	}

	public boolean sharesTheme(Collection<String> other) {
		return this.themes != null && anyIn(other, this.themes);
	}

	/** The call's themes that are also in the other list, in the call's order. */
	public List<String> sharedThemes(Collection<String> other) {
		if (this.themes == null) {
			return List.of();
		}
		List<String> shared = new java.util.ArrayList<>();
		for (String theme : this.themes) {
			if (other.contains(theme)) {
				shared.add(theme);
			}
		}
		return shared;
	}

	public boolean statesAmount() {
		return this.amountMinUsd != null || this.amountMaxUsd != null;
	}

	public boolean acceptsLanguageOf(Collection<String> languages) {
		List<String> accepted = applicationLanguages();
		return accepted != null && anyIn(languages, accepted);
	}

	/** Plain loops: rule constraints call these millions of times in a re-match. */
	private static boolean anyIn(Collection<String> values, List<String> in) {
		for (String value : values) {
			if (in.contains(value)) {
				return true;
			}
		}
		return false;
	}

	public boolean requiresRegistrationOutside(Collection<String> held) {
		List<String> required = requiredRegistrations();
		return required != null && !held.containsAll(required);
	}

	/** Registrations the call requires that the applicant does not hold. */
	public List<String> registrationsMissing(Collection<String> held) {
		List<String> required = requiredRegistrations();
		return required == null ? List.of() : required.stream().filter(r -> !held.contains(r)).toList();
	}

}
