package pe.gob.munlima.convoca.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the rules know about a call. A null criterion means the call does not state it.
 *
 * @param deadline the last day to apply, in Lima's calendar
 * @param amountMinUsd smallest grant, converted to USD with the dated rate table
 * @param amountMaxUsd largest grant, in USD
 * @param amountText the amounts as the call states them ("EUR 500.000"), for messages
 * @param coFinancingPct share of the total cost the applicant must bring (0-100)
 * @param partnershipRegion region a partner must come from (EU ...), when required
 * @param networkRequired network the applicant must belong to (C40, UCCI ...)
 * @param durationMonthsMax longest project the call funds
 * @param applicationLanguages languages a proposal may be written in (es, en, fr, pt)
 * @param requiredRegistrations registrations an applicant needs (EU_PIC, SAM_UEI, APCI)
 * @param evidence fact name to the sentence of the call it was read from
 */
public record CallFacts(long callId, String title, LocalDate deadline, List<String> applicantTypes,
		List<String> eligibleGeographies, List<String> excludedCountries, List<String> eligibleIncomeGroups,
		List<String> excludedIncomeGroups, List<String> themes, Boolean reimbursable, Double amountMinUsd,
		Double amountMaxUsd, String amountText, Double coFinancingPct, String partnershipRegion, String networkRequired,
		Long populationMin, Long populationMax, Integer durationMonthsMax, List<String> applicationLanguages,
		List<String> requiredRegistrations, Map<String, String> evidence) {

	public CallFacts {
		evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
	}

	/** The sentence a fact was read from, or the fact's name when there is none. */
	public String evidenceFor(String fact) {
		return this.evidence.getOrDefault(fact, fact);
	}

	public boolean allowsAnyApplicantType(String type) {
		return this.applicantTypes != null && this.applicantTypes.contains(type);
	}

	public boolean allowsAnyGeography(Collection<String> places) {
		return this.eligibleGeographies != null && anyIn(places, this.eligibleGeographies);
	}

	public boolean excludesAnyGeography(Collection<String> places) {
		return this.excludedCountries != null && anyIn(places, this.excludedCountries);
	}

	/**
	 * Whether the call restricts its themes in words: the sentence that does so is the
	 * evidence of "themeRestriction". Without it, themes rank projects and exclude none.
	 */
	public boolean restrictsThemes() {
		return this.evidence.containsKey("themeRestriction");
	}

	/**
	 * Whether a required network also admits indirect members (through an association
	 * that is a member): the sentence that says so is the evidence of "networkIndirect".
	 */
	public boolean admitsIndirectMembers() {
		return this.evidence.containsKey("networkIndirect");
	}

	/**
	 * Whether where applicants must be comes from the funder's general rule (named by the
	 * evidence "funderDefault") rather than from the call's own words.
	 */
	public boolean usesFunderDefault() {
		return this.evidence.containsKey("funderDefault");
	}

	/**
	 * The self-check: whether the sentence quoted for a fact names one of these (an
	 * applicant type, a country or region) without an exclusion governing it. A refusal
	 * whose own quote names the applicant positively is a reading to review.
	 */
	public boolean evidenceNames(String fact, Collection<String> ids) {
		String named = this.evidence.get(fact + "Named");
		if (named == null) {
			return false;
		}
		for (String id : named.split(" ")) {
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
		return this.evidence.containsKey("standing");
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
		return this.applicationLanguages != null && anyIn(languages, this.applicationLanguages);
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
		return this.requiredRegistrations != null && !held.containsAll(this.requiredRegistrations);
	}

	/** Registrations the call requires that the applicant does not hold. */
	public List<String> registrationsMissing(Collection<String> held) {
		return this.requiredRegistrations == null ? List.of()
				: this.requiredRegistrations.stream().filter(r -> !held.contains(r)).toList();
	}

}
