package pe.gob.munlima.convoca.requirement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a call requires, in groups; every fact carries the words it was read from and a
 * null fact means "the call does not say". Facts are named by their component names,
 * which are unique across the groups: those names are the keys of the stored JSON, of the
 * rule tests' call block, of the page's labels ({@code requirement.<name>}) and of the
 * version history. {@link RequirementFacts} walks them, so adding a fact to a group is
 * all the model needs.
 *
 * @param applicationLanguages languages a proposal may be written in (es, en, fr, pt)
 * @param requiredRegistrations registrations an applicant needs (EU_PIC, SAM_UEI, APCI)
 * @param instrument GRANT, COOPERATIVE_AGREEMENT, PRIZE, LOAN, GUARANTEE, EQUITY,
 * PROCUREMENT or OTHER
 * @param restrictedThemes the themes a call restricts itself to in words ("solo proyectos
 * de movilidad"); a call that only gives examples has none
 */
public record Requirements(Applicants applicants, Places places, Money money, Timing timing, Partners partners,
		Fact<List<String>> applicationLanguages, Fact<List<String>> requiredRegistrations, Fact<String> instrument,
		Fact<List<String>> restrictedThemes) {

	/** A call that states nothing. */
	public static final Requirements NONE = new Requirements(null, null, null, null, null, null, null, null, null);

	public Requirements {
		applicants = applicants == null ? Applicants.NONE : applicants;
		places = places == null ? Places.NONE : places;
		money = money == null ? Money.NONE : money;
		timing = timing == null ? Timing.NONE : timing;
		partners = partners == null ? Partners.NONE : partners;
	}

	/**
	 * Who may apply.
	 *
	 * @param applicantTypes LOCAL_GOVERNMENT, NGO, ... as the call admits them
	 * @param applicantTypesNamed the types the quoted sentence names without an exclusion
	 * governing them: the self-check's material (a refusal whose own quote names the
	 * applicant is a reading to review)
	 */
	public record Applicants(Fact<List<String>> applicantTypes, List<String> applicantTypesNamed) {

		static final Applicants NONE = new Applicants(null, null);

		public Applicants {
			applicantTypesNamed = applicantTypesNamed == null ? List.of() : List.copyOf(applicantTypesNamed);
		}

	}

	/**
	 * Where applicants must be, and what they must be like.
	 *
	 * @param eligibleGeographies countries (ISO codes) and regions (LATAM, EU, ...)
	 * @param eligibleGeographiesNamed the places the quoted sentence names without an
	 * exclusion governing them (self-check)
	 * @param funderRule the id of the funder's general rule when the call itself does not
	 * say where applicants must be (crawlers/funders.yaml)
	 * @param excludedCountries countries (or regions) whose applicants may not apply
	 * @param eligibleIncomeGroups World Bank income groups admitted
	 * @param populationMin fewest inhabitants an applicant city may have
	 */
	public record Places(Fact<List<String>> eligibleGeographies, List<String> eligibleGeographiesNamed,
			String funderRule, Fact<List<String>> excludedCountries, Fact<List<String>> eligibleIncomeGroups,
			Fact<List<String>> excludedIncomeGroups, Fact<Long> populationMin, Fact<Long> populationMax) {

		static final Places NONE = new Places(null, null, null, null, null, null, null, null);

		public Places {
			eligibleGeographiesNamed = eligibleGeographiesNamed == null ? List.of()
					: List.copyOf(eligibleGeographiesNamed);
		}

	}

	/**
	 * The money and its terms. The amounts, the total and the currency come from one
	 * source together, so an amount never gets another source's currency.
	 *
	 * @param currency ISO 4217 code of every amount here
	 * @param amountMin smallest grant per project
	 * @param amountMax largest grant per project
	 * @param totalBudget the whole call's budget
	 * @param coFinancingPct share of the total cost the applicant must bring (0-100)
	 * @param reimbursable true for a loan, false for a grant
	 */
	public record Money(String currency, Fact<BigDecimal> amountMin, Fact<BigDecimal> amountMax,
			Fact<BigDecimal> totalBudget, Fact<BigDecimal> coFinancingPct, Fact<Boolean> reimbursable) {

		static final Money NONE = new Money(null, null, null, null, null, null);

		public BigDecimal min() {
			return Fact.valueOf(this.amountMin);
		}

		public BigDecimal max() {
			return Fact.valueOf(this.amountMax);
		}

		public BigDecimal total() {
			return Fact.valueOf(this.totalBudget);
		}

		/** Whether this states an amount (per project or in total). */
		public boolean statesAmount() {
			return this.amountMin != null || this.amountMax != null || this.totalBudget != null;
		}

	}

	/**
	 * @param durationMonthsMax longest project the call funds
	 * @param standing true for a standing programme (rolling window, "ventanilla
	 * abierta"), which has no dated round to miss
	 */
	public record Timing(Fact<Integer> durationMonthsMax, Fact<Boolean> standing) {

		static final Timing NONE = new Timing(null, null);

	}

	/**
	 * @param partnershipRequired region a partner must come from (EU, ...)
	 * @param networkRequired network the applicant must belong to (C40, UCCI, ...)
	 * @param indirectMembers true when members of a member association also qualify
	 */
	public record Partners(Fact<String> partnershipRequired, Fact<String> networkRequired,
			Fact<Boolean> indirectMembers) {

		static final Partners NONE = new Partners(null, null, null);

	}

	/** Every stated fact, in the model's order. */
	public List<RequirementFacts.Stated> stated() {
		return RequirementFacts.stated(this);
	}

	/**
	 * The value of a fact, or of another value of the model, by its name
	 * ("networkRequired" gives "C40"); null when the call does not state it. For code
	 * that reads facts by name: tests, corrections, exports.
	 * @throws IllegalArgumentException for a name the model does not have
	 */
	@SuppressWarnings("unchecked")
	public <T> T value(String name) {
		return (T) RequirementFacts.value(this, name);
	}

	/** The words a fact was read from, or null when the call does not state it. */
	public String evidence(String fact) {
		return RequirementFacts.evidence(this, fact);
	}

	/**
	 * Requirements from values named by fact ("networkRequired": "C40") and the evidence
	 * of each: the rule tests' call block and hand-built calls.
	 * @throws IllegalArgumentException for a name no fact has, or a value of the wrong
	 * kind
	 */
	public static Requirements of(Map<String, ?> values, Map<String, String> evidence) {
		return RequirementFacts.build(values, evidence);
	}

	/**
	 * These requirements with one fact as a person corrected it: a null (or empty) value
	 * says the call does not require it. The self-check's material of the fact is dropped
	 * (a confirmed fact needs no self-check), and so is the funder's general rule when
	 * the places are corrected.
	 * @param evidence the sentence or document the correction relies on
	 * @throws IllegalArgumentException for a name that cannot be corrected, or a value of
	 * the wrong kind
	 */
	public Requirements with(String name, Object value, String evidence) {
		return RequirementFacts.with(this, name, value, evidence);
	}

	/**
	 * One call's requirements from what each of its sources says, in order of precedence:
	 * for each fact the first source that states it wins; the amounts, the total and the
	 * currency come together from the first source that states money.
	 */
	public static Requirements merge(List<Requirements> byPrecedence) {
		return RequirementFacts.merge(byPrecedence);
	}

}
