package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads eligibility facts out of a call's text with the {@link Vocabulary}. It never
 * guesses: a fact whose words do not appear stays null, which the rules turn into
 * NEEDS_REVIEW. Each fact keeps the sentence it came from as evidence.
 */
final class FactExtractor {

	/** Sentence ends: . ! ? ; or a line break, followed by space or end. */
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n+");

	private final Vocabulary vocabulary;

	FactExtractor(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	ExtractedFacts extract(String title, String text) {
		return extract(title, text, null);
	}

	/**
	 * @param dollar what a bare "$" means for the source (see {@link AmountParser}), or
	 * null
	 */
	ExtractedFacts extract(String title, String text, String dollar) {
		List<String> sentences = sentences(title + ".\n" + text);
		Map<String, String> evidence = new LinkedHashMap<>();
		Set<String> applicantTypes = new LinkedHashSet<>();
		Set<String> geographies = new LinkedHashSet<>();
		Set<String> excluded = new LinkedHashSet<>();
		Set<String> themes = new LinkedHashSet<>();
		Boolean reimbursable = null;
		Requirements requirements = new Requirements(dollar);
		Boolean procurement = null;
		for (String sentence : sentences) {
			String folded = TextFolding.fold(sentence);
			Set<String> words = Terms.words(folded);
			boolean aboutEligibility = this.vocabulary.eligibilityCues().matcher(folded).find();
			boolean excluding = this.vocabulary.exclusionCues().matcher(folded).find();
			if (aboutEligibility) {
				collect(this.vocabulary.applicantTypes(), folded, words, sentence, applicantTypes, evidence,
						"applicantTypes");
			}
			Set<String> placesHere = new LinkedHashSet<>();
			collect(this.vocabulary.geographies(), folded, words, sentence, placesHere, evidence,
					excluding ? "excludedCountries" : "eligibleGeographies");
			(excluding ? excluded : geographies).addAll(placesHere);
			collect(this.vocabulary.themes(), folded, words, sentence, themes, evidence, "themes");
			if (this.vocabulary.reimbursable().matcher(folded).find()) {
				reimbursable = Boolean.TRUE;
				evidence.putIfAbsent("reimbursable", sentence.strip());
			}
			else if (reimbursable == null && this.vocabulary.nonReimbursable().matcher(folded).find()) {
				reimbursable = Boolean.FALSE;
				evidence.putIfAbsent("reimbursable", sentence.strip());
			}
			if (procurement == null && this.vocabulary.procurement().matcher(folded).find()) {
				procurement = Boolean.TRUE;
				evidence.putIfAbsent("instrument", sentence.strip());
			}
			requirements.read(this.vocabulary, sentence.strip(), folded, words, excluding, evidence);
		}
		return new ExtractedFacts(orNull(applicantTypes), orNull(geographies), orNull(excluded), orNull(themes),
				reimbursable, requirements.money.amounts(), requirements.coFinancingPct, requirements.network,
				requirements.partnership, orNull(requirements.languages), orNull(requirements.registrations),
				requirements.durationMonthsMax, requirements.populationMin, requirements.populationMax,
				orNull(requirements.eligibleIncomeGroups), orNull(requirements.excludedIncomeGroups),
				requirements.money.total(), procurement, Map.copyOf(evidence));
	}

	private static void collect(Terms terms, String folded, Set<String> words, String sentence, Set<String> into,
			Map<String, String> evidence, String fact) {
		if (terms.matchInto(folded, words, into)) {
			evidence.putIfAbsent(fact, sentence.strip());
		}
	}

	static List<String> sentences(String text) {
		List<String> result = new ArrayList<>();
		for (String part : SENTENCE_END.split(text)) {
			if (!part.isBlank()) {
				result.add(part.strip());
			}
		}
		return result;
	}

	private static List<String> orNull(Set<String> values) {
		return values.isEmpty() ? null : List.copyOf(values);
	}

	/** Facts read from a call's text; null means the text does not say. */
	record ExtractedFacts(List<String> applicantTypes, List<String> eligibleGeographies, List<String> excludedCountries,
			List<String> themes, Boolean reimbursable, AmountParser.Amounts amounts, BigDecimal coFinancingPct,
			String networkRequired, String partnershipRegion, List<String> applicationLanguages,
			List<String> requiredRegistrations, Integer durationMonthsMax, Long populationMin, Long populationMax,
			List<String> eligibleIncomeGroups, List<String> excludedIncomeGroups, java.math.BigDecimal totalBudget,
			Boolean procurement, Map<String, String> evidence) {
	}

	/**
	 * The conditions a call may set, collected sentence by sentence; the first statement
	 * wins.
	 */
	private static final class Requirements {

		private static final Pattern PERCENT = Pattern
			.compile("(\\d{1,3}(?:[.,]\\d+)?)\\s*(?:%|por ciento|percent|pour cent)");

		private static final Pattern MONTHS = Pattern.compile("(\\d{1,3})\\s*(?:meses|months|mois)");

		private static final String PEOPLE = "\\s+(\\d[\\d.,\\u00a0 ]*)\\s*(millones|millon|million|millions|mil)?\\s*"
				+ "(?:de\\s+)?(?:habitantes|inhabitants|residents|habitants)";

		private static final Pattern MORE_THAN = Pattern
			.compile("(mas de|more than|over|at least|al menos|minimo de|superior a|plus de|mais de)" + PEOPLE);

		private static final Pattern LESS_THAN = Pattern
			.compile("(menos de|less than|fewer than|up to|hasta|below|under|moins de)" + PEOPLE);

		private final MoneyReader money;

		Requirements(String dollar) {
			this.money = new MoneyReader(dollar);
		}

		private BigDecimal coFinancingPct;

		private String network;

		private String partnership;

		private final Set<String> languages = new LinkedHashSet<>();

		private final Set<String> registrations = new LinkedHashSet<>();

		private Integer durationMonthsMax;

		private Long populationMin;

		private Long populationMax;

		private final Set<String> eligibleIncomeGroups = new LinkedHashSet<>();

		private final Set<String> excludedIncomeGroups = new LinkedHashSet<>();

		void read(Vocabulary v, String sentence, String folded, Set<String> words, boolean excluding,
				Map<String, String> evidence) {
			boolean aboutPopulation = v.populationCues().matcher(folded).find();
			boolean aboutCoFinancing = v.coFinancingCues().matcher(folded).find();
			if (!aboutPopulation && !aboutCoFinancing && v.amountCues().matcher(folded).find()) {
				this.money.read(sentence, folded, evidence);
			}
			if (this.coFinancingPct == null && aboutCoFinancing) {
				Matcher percent = PERCENT.matcher(folded);
				if (percent.find()) {
					this.coFinancingPct = new BigDecimal(percent.group(1).replace(',', '.'));
					evidence.putIfAbsent("coFinancing", sentence);
				}
			}
			if (this.network == null && v.networkCues().matcher(folded).find()) {
				this.network = v.networks().first(folded, words);
				if (this.network != null) {
					evidence.putIfAbsent("network", sentence);
				}
			}
			if (this.partnership == null) {
				this.partnership = v.partnerships().first(folded, words);
				if (this.partnership != null) {
					evidence.putIfAbsent("partnership", sentence);
				}
			}
			if (v.applicationLanguageCues().matcher(folded).find()
					&& v.languages().matchInto(folded, words, this.languages)) {
				evidence.putIfAbsent("language", sentence);
			}
			if (v.registrations().matchInto(folded, words, this.registrations)) {
				evidence.putIfAbsent("registrations", sentence);
			}
			if (this.durationMonthsMax == null && v.durationCues().matcher(folded).find()) {
				Matcher months = MONTHS.matcher(folded);
				if (months.find()) {
					this.durationMonthsMax = Integer.valueOf(months.group(1));
					evidence.putIfAbsent("duration", sentence);
				}
			}
			if (aboutPopulation) {
				readPopulation(sentence, folded, evidence);
			}
			if (v.incomeGroups()
				.matchInto(folded, words, excluding ? this.excludedIncomeGroups : this.eligibleIncomeGroups)) {
				evidence.putIfAbsent("incomeGroups", sentence);
			}
		}

		private void readPopulation(String sentence, String folded, Map<String, String> evidence) {
			Matcher more = MORE_THAN.matcher(folded);
			if (this.populationMin == null && more.find()) {
				BigDecimal value = AmountParser.number(more.group(2).strip(), more.group(3));
				if (value != null) {
					this.populationMin = value.longValue();
					evidence.putIfAbsent("population", sentence);
				}
			}
			Matcher less = LESS_THAN.matcher(folded);
			if (this.populationMax == null && less.find()) {
				BigDecimal value = AmountParser.number(less.group(2).strip(), less.group(3));
				if (value != null) {
					this.populationMax = value.longValue();
					evidence.putIfAbsent("population", sentence);
				}
			}
		}

	}

}
