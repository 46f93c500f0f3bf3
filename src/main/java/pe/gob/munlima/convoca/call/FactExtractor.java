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

import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * Reads eligibility facts out of a call's text with the {@link Vocabulary}. It never
 * guesses: a fact whose words do not appear stays null, which the rules turn into
 * NEEDS_REVIEW. Each fact keeps the sentence it came from as evidence.
 */
final class FactExtractor {

	/** Sentence ends: . ! ? ; or a line break, followed by space or end. */
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n+");

	private final Vocabulary vocabulary;

	private final EligibilityReader reader;

	FactExtractor(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
		this.reader = new EligibilityReader(vocabulary);
	}

	ExtractedFacts extract(String title, String text) {
		return extract(title, text, null);
	}

	/**
	 * @param dollar what a bare "$" means for the source (see {@link AmountParser}), or
	 * null
	 */
	ExtractedFacts extract(String title, String text, String dollar) {
		return extract(title, text, dollar, null);
	}

	/**
	 * @param funder who publishes the call, as the source names it ("British Embassy
	 * Lima"), or null
	 */
	ExtractedFacts extract(String title, String text, String dollar, String funder) {
		return extract(title, text, dollar, funder, List.of());
	}

	/**
	 * @param documents the text of the call's attached documents with their page markers
	 * ({@link RawField#DOCUMENT}): read like the page, cited with document and page
	 */
	ExtractedFacts extract(String title, String text, String dollar, String funder, List<String> documents) {
		List<EligibilityReader.Sentence> sentences = this.reader.sentences(title, text, documents);
		// Facts go under their names in the requirements model, with the sentence each
		// was read from under the same name.
		Map<String, Object> facts = new LinkedHashMap<>();
		Map<String, String> evidence = new LinkedHashMap<>();
		EligibilityReader.Applicants applicants = this.reader.applicants(sentences);
		if (applicants != null) {
			facts.put("applicantTypes", applicants.types());
			evidence.put("applicantTypes", applicants.evidence());
			// Self-check material: what each deciding quote names positively.
			facts.put("applicantTypesNamed", List.copyOf(this.reader.namedPositively(applicants.evidence())));
		}
		EligibilityReader.Places places = this.reader.places(sentences, funder);
		if (places != null) {
			if (!places.eligible().isEmpty()) {
				facts.put("eligibleGeographies", places.eligible());
				evidence.put("eligibleGeographies", places.eligibleEvidence());
				facts.put("eligibleGeographiesNamed",
						List.copyOf(this.reader.namedPositively(places.eligibleEvidence())));
			}
			if (!places.excluded().isEmpty()) {
				facts.put("excludedCountries", places.excluded());
				evidence.put("excludedCountries", places.excludedEvidence());
			}
		}
		Set<String> themes = new LinkedHashSet<>();
		Set<String> restricted = new LinkedHashSet<>();
		Boolean reimbursable = null;
		Conditions conditions = new Conditions(this.vocabulary.amounts(), dollar);
		Boolean procurement = null;
		for (EligibilityReader.Sentence read : sentences) {
			String sentence = read.cited();
			String folded = read.folded();
			Set<String> words = Terms.words(folded);
			boolean excluding = this.vocabulary.exclusionCues().matcher(folded).find()
					|| this.vocabulary.negationAfter().matcher(folded).find();
			Set<String> themesHere = new LinkedHashSet<>();
			collect(this.vocabulary.themes(), folded, words, sentence, themesHere, evidence, "themes");
			themes.addAll(themesHere);
			// Only a call that restricts its themes in words ("únicamente proyectos de
			// movilidad") can make a project on another subject NOT_ELIGIBLE; otherwise
			// themes rank projects.
			if (!themesHere.isEmpty() && this.vocabulary.themeRestrictionCues().matcher(folded).find()) {
				restricted.addAll(themesHere);
				evidence.putIfAbsent("restrictedThemes", sentence);
			}
			if (this.vocabulary.reimbursable().matcher(folded).find()) {
				reimbursable = Boolean.TRUE;
				evidence.putIfAbsent("reimbursable", sentence);
			}
			else if (reimbursable == null && this.vocabulary.nonReimbursable().matcher(folded).find()) {
				reimbursable = Boolean.FALSE;
				evidence.putIfAbsent("reimbursable", sentence);
			}
			if (this.vocabulary.standingCues().matcher(folded).find()
					&& evidence.putIfAbsent("standing", sentence) == null) {
				facts.put("standing", Boolean.TRUE);
			}
			if (procurement == null && this.vocabulary.procurement().matcher(folded).find()) {
				procurement = Boolean.TRUE;
				evidence.putIfAbsent("instrument", sentence);
			}
			conditions.read(this.vocabulary, read, words, excluding, evidence);
		}
		facts.put("restrictedThemes", List.copyOf(restricted));
		facts.put("reimbursable", reimbursable);
		conditions.into(facts);
		List<String> themeList = restricted.isEmpty() ? orNull(themes) : List.copyOf(restricted);
		facts.values().removeIf(java.util.Objects::isNull);
		return new ExtractedFacts(themeList, procurement, facts, evidence);
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

	/**
	 * Facts read from a call's text; null means the text does not say.
	 *
	 * @param facts values by their names in the requirements model (see
	 * {@link pe.gob.munlima.convoca.requirement.Requirements}); a fact the text does not
	 * state is absent
	 * @param evidence the sentence of each fact, under the same name, and of the themes
	 * and the instrument
	 */
	record ExtractedFacts(List<String> themes, Boolean procurement, Map<String, Object> facts,
			Map<String, String> evidence) {

		ExtractedFacts {
			facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
			evidence = Map.copyOf(evidence);
		}

		/** The requirements as the text states them. */
		Requirements requirements() {
			return Requirements.of(this.facts, this.evidence);
		}

		Boolean reimbursable() {
			return (Boolean) this.facts.get("reimbursable");
		}

	}

	/**
	 * The conditions a call may set, collected sentence by sentence; the first statement
	 * wins, except population, where every tier a call offers is kept (a city fits when
	 * any tier admits it).
	 */
	private static final class Conditions {

		private static final Pattern PERCENT = Pattern
			.compile("(\\d{1,3}(?:[.,]\\d+)?)\\s*(?:%|por ciento|percent|pour cent|por cento)");

		/**
		 * A share the funder pays at most: "L'aide ne peut être supérieure à 50% du
		 * budget total", "the grant may cover up to 80% of the costs": the applicant
		 * brings the rest.
		 */
		private static final Pattern FUNDER_SHARE = Pattern.compile("(?:ne peut (?:etre superieure?|exceder|depasser)|"
				+ "cannot exceed|may not exceed|shall not exceed|up to|hasta (?:un maximo de |el )?|no (?:podra|puede) "
				+ "(?:superar|exceder)|jusqu'a|ate|nao (?:pode|podera) (?:ultrapassar|exceder)|maximo de|maximum of|"
				+ "a maximum of)\\s*(?:a |de |of |el |le )?(\\d{1,3}(?:[.,]\\d+)?)\\s*(?:%|por ciento|percent|pour cent)"
				+ "\\s*(?:du|del|of the|of|de la|de|do|da)?\\s*(?:budget|cout|costo|coste|presupuesto|total|custo|orcamento|"
				+ "eligible|project)");

		/** "6 meses", "one year", "2 años", "18 mois". */
		private static final Pattern SPAN = Pattern
			.compile("(\\d{1,3})\\s*(meses|mes|months|month|mois|anos|ano|years|year|ans|an|annees)(?![\\p{L}])");

		private static final String PEOPLE = "\\s*(?:de\\s+)?(?:habitantes|inhabitants|residents|habitants|people|"
				+ "population|personas)";

		private static final String COUNT = "(\\d[\\d.,\\u00a0 ]*\\d|\\d)\\s*(millones|millon|millions|million|milhoes|"
				+ "milhao|mil|mille|thousand|k)?";

		/**
		 * "entre 100.000 y 2 millones de habitantes", "of 30,000–500,000 inhabitants".
		 */
		private static final Pattern PEOPLE_RANGE = Pattern.compile("(?:entre|between|de|from|of)?\\s*" + COUNT
				+ "\\s*(?:y|and|et|e|a|to|-|–|hasta|ate)\\s*" + COUNT + PEOPLE);

		private static final Pattern MORE_THAN = Pattern.compile("(?:mas de|more than|over|at least|al menos|minimo de|"
				+ "superior a|plus de|mais de|acima de|above|exceeding|depasse les|depasse|excede|exceeds|supera|"
				+ "mayor a|mayores a)\\s+" + COUNT + "(?!\\s*(?:y|and|et|e|a|to|-|–|hasta|ate)\\s*\\d)" + PEOPLE);

		private static final Pattern LESS_THAN = Pattern.compile("(?:menos de|less than|fewer than|up to|hasta|below|"
				+ "under|moins de|inferior a|abaixo de|no mas de|not more than|ate)\\s+" + COUNT + PEOPLE);

		/** "acima de 250 mil até 500 mil habitantes": a tier with both ends. */
		private static final Pattern TIER = Pattern.compile("(?:acima de|mas de|more than|above|over|plus de|de)\\s+"
				+ COUNT + "\\s*(?:ate|hasta|to|a|jusqu'a)\\s+" + COUNT + PEOPLE);

		/**
		 * The name after a membership or registration cue: up to punctuation or a verb.
		 */
		private static final Pattern NAME = Pattern.compile("\\s*((?:la |el |the |le |les |l'|a |o |das |dos )?"
				+ "[\\p{L}0-9][\\p{L}0-9 .'&-]{1,80}?)(?=\\s+(?:are|is|y|and|et|que|who|which|with|con|para|for|"
				+ "pour|to|a|al|en|in|em|as|since|desde|durante|during|will|seran|sont|may|can|must|shall|pueden|podran|"
				+ "peuvent|podem|deben|doivent|devem)\\s|[,.;:()\\n]|$)");

		/**
		 * Clauses of a sentence about money: commas and semicolons followed by a space.
		 */
		private static final Pattern CLAUSE = Pattern.compile("[,;]\\s+");

		/** A span of years or months written with an article: "one year", "un año". */
		private static final Pattern ONE = Pattern
			.compile("(?<![\\p{L}])(?:one|un|una|um|uma|une|a)\\s+" + "(?=(?:ano|anos|year|an|annee)(?![\\p{L}]))");

		private final MoneyReader money;

		private final MoneyReader preferred;

		Conditions(AmountParser amounts, String dollar) {
			this.money = new MoneyReader(amounts, dollar);
			this.preferred = new MoneyReader(amounts, dollar);
		}

		/** Puts what the sentences stated under the facts' names. */
		void into(Map<String, Object> facts) {
			AmountParser.Amounts amounts = amounts();
			if (amounts != null) {
				facts.put("amountMin", amounts.min());
				facts.put("amountMax", amounts.max());
				facts.put("currency", amounts.currency());
				facts.put("totalBudget", this.money.total());
			}
			facts.put("coFinancingPct", this.coFinancingPct);
			facts.put("networkRequired", this.network);
			if (this.network != null && this.indirect) {
				facts.put("indirectMembers", Boolean.TRUE);
			}
			facts.put("partnershipRequired", this.partnership);
			facts.put("applicationLanguages", List.copyOf(this.languages));
			facts.put("requiredRegistrations", List.copyOf(this.registrations));
			facts.put("durationMonthsMax", this.durationMonthsMax);
			facts.put("populationMin", populationMin());
			facts.put("populationMax", populationMax());
			facts.put("eligibleIncomeGroups", List.copyOf(this.eligibleIncomeGroups));
			facts.put("excludedIncomeGroups", List.copyOf(this.excludedIncomeGroups));
		}

		/** The grant range stated as a limit, or else as a preference. */
		AmountParser.Amounts amounts() {
			return this.money.amounts() != null ? this.money.amounts() : this.preferred.amounts();
		}

		private BigDecimal coFinancingPct;

		private String network;

		private boolean indirect;

		private String partnership;

		private final Set<String> languages = new LinkedHashSet<>();

		private final Set<String> registrations = new LinkedHashSet<>();

		private Integer durationMonthsMax;

		private final List<long[]> populationTiers = new ArrayList<>();

		private final Set<String> eligibleIncomeGroups = new LinkedHashSet<>();

		private final Set<String> excludedIncomeGroups = new LinkedHashSet<>();

		void read(Vocabulary v, EligibilityReader.Sentence read, Set<String> words, boolean excluding,
				Map<String, String> evidence) {
			String sentence = read.cited();
			String folded = read.folded();
			boolean aboutPopulation = v.populationCues().matcher(folded).find();
			boolean aboutCoFinancing = v.coFinancingCues().matcher(folded).find();
			String numeric = NumberWords.digits(folded, v.numberWords());
			if (!aboutPopulation && v.amountCues().matcher(numeric).find()) {
				// "a total of R$ 3.7 billion, with a minimum of R$ 5 million per
				// contract":
				// each clause states its own amount.
				MoneyReader reader = v.requirementCue("preference").matcher(numeric).find() ? this.preferred
						: this.money;
				for (String clause : CLAUSE.split(numeric)) {
					reader.read(sentence, clause, evidence);
				}
			}
			readCoFinancing(v, sentence, folded, aboutCoFinancing, evidence);
			readNetwork(v, sentence, folded, words, read.eligibility(), evidence);
			if (this.partnership == null) {
				this.partnership = v.partnerships().first(folded, words);
				if (this.partnership != null) {
					evidence.putIfAbsent("partnershipRequired", sentence);
				}
			}
			if (v.applicationLanguageCues().matcher(folded).find()
					&& v.languages().matchInto(folded, words, this.languages)) {
				evidence.putIfAbsent("applicationLanguages", sentence);
			}
			readRegistrations(v, sentence, folded, words, evidence);
			if (this.durationMonthsMax == null) {
				readDuration(v, sentence, numeric, evidence);
			}
			if (aboutPopulation) {
				readPopulation(sentence, numeric, evidence);
			}
			if (v.incomeGroups()
				.matchInto(folded, words, excluding ? this.excludedIncomeGroups : this.eligibleIncomeGroups)) {
				evidence.putIfAbsent(excluding ? "excludedIncomeGroups" : "eligibleIncomeGroups", sentence);
			}
		}

		private void readCoFinancing(Vocabulary v, String sentence, String folded, boolean aboutCoFinancing,
				Map<String, String> evidence) {
			if (this.coFinancingPct != null) {
				return;
			}
			if (aboutCoFinancing) {
				Matcher percent = PERCENT.matcher(folded);
				if (percent.find()) {
					this.coFinancingPct = new BigDecimal(percent.group(1).replace(',', '.'));
					evidence.putIfAbsent("coFinancingPct", sentence);
					return;
				}
			}
			Matcher share = FUNDER_SHARE.matcher(folded);
			if (share.find() && v.requirementCue("funderShare").matcher(folded.substring(0, share.start())).find()) {
				BigDecimal funderPct = new BigDecimal(share.group(1).replace(',', '.'));
				if (funderPct.compareTo(BigDecimal.valueOf(100)) < 0) {
					this.coFinancingPct = BigDecimal.valueOf(100).subtract(funderPct);
					evidence.putIfAbsent("coFinancingPct", sentence);
				}
			}
		}

		/**
		 * A known network by name when the sentence requires membership; otherwise the
		 * name that follows the cue ("member cities of the UNESCO GNLC"), which is a
		 * network the organisation profile does not list.
		 */
		private void readNetwork(Vocabulary v, String sentence, String folded, Set<String> words, boolean eligibility,
				Map<String, String> evidence) {
			if (this.network != null || v.membershipWaived().matcher(folded).find()) {
				return;
			}
			Matcher cue = v.membershipCues().matcher(folded);
			boolean required = cue.find();
			if (!required && !v.networkCues().matcher(folded).find()) {
				return;
			}
			if (v.requirementCue("indirectMembership").matcher(folded).find()) {
				this.indirect = true;
				evidence.putIfAbsent("indirectMembers", sentence);
			}
			String known = v.networks().first(folded, words);
			if (known != null) {
				this.network = known;
				evidence.putIfAbsent("networkRequired", sentence);
				return;
			}
			// A network the vocabulary does not know is required only in words that
			// reserve
			// the call to its members: "members of the public" or "of the project team"
			// in a
			// description require nothing.
			if (!required || !eligibility || !v.requirementCue("reservedTo").matcher(folded).find()) {
				return;
			}
			Matcher name = NAME.matcher(folded.substring(cue.end()));
			if (name.lookingAt()) {
				String found = name.group(1).strip().replaceFirst("^(?:la|el|the|le|les|l'|a|o|das|dos)\\s*", "");
				if (found.length() >= 3 && !GENERIC_GROUPS.matcher(found).matches()) {
					this.network = found.toUpperCase(java.util.Locale.ROOT);
					evidence.putIfAbsent("networkRequired", sentence);
				}
			}
		}

		/** A group that is not a named network: "the public", "the team". */
		private static final Pattern GENERIC_GROUPS = Pattern.compile("(?:public|publico|team|equipo|equipe|family|"
				+ "familia|community|comunidad|comunidade|consortium|consorcio|jury|jurado|committee|comite|board|"
				+ "staff|personal|household|hogar|group|grupo|press|prensa|society|sociedad|organisation|organization|"
				+ "organizacion|partnership|communaute|programa|programme|program|programa)(?:\\s.*)?");

		private void readRegistrations(Vocabulary v, String sentence, String folded, Set<String> words,
				Map<String, String> evidence) {
			if (v.registrations().matchInto(folded, words, this.registrations)) {
				evidence.putIfAbsent("requiredRegistrations", sentence);
				return;
			}
			Matcher cue = v.registrationCues().matcher(folded);
			if (!cue.find()) {
				return;
			}
			Matcher registry = REGISTRY.matcher(folded.substring(cue.end(), Math.min(folded.length(), cue.end() + 80)));
			if (registry.find()) {
				this.registrations.add(registry.group().strip().toUpperCase(java.util.Locale.ROOT));
				evidence.putIfAbsent("requiredRegistrations", sentence);
			}
		}

		/**
		 * A registry named after a registration cue, up to "para"/"for": "Registro
		 * Gallego de Agentes de Cooperación".
		 */
		private static final Pattern REGISTRY = Pattern.compile("(?<![\\p{L}])(?:registro|register|registry|registre|"
				+ "cadastro|padron|roster|repertoire)(?![\\p{L}])[\\p{L} '-]{0,60}?(?=\\s+(?:para|for|pour|que|which|and|y|et|e)"
				+ "\\s|[,.;:()]|$)");

		private void readDuration(Vocabulary v, String sentence, String folded, Map<String, String> evidence) {
			String numeric = ONE.matcher(folded).replaceAll("1 ");
			if (!v.durationCues().matcher(numeric).find()
					&& !v.requirementCue("aboutProject").matcher(numeric).find()) {
				return;
			}
			Matcher span = SPAN.matcher(numeric);
			while (span.find()) {
				String before = numeric.substring(Math.max(0, span.start() - 60), span.start());
				String after = numeric.substring(span.end(), Math.min(numeric.length(), span.end() + 25));
				Pattern atMost = v.requirementCue("durationLimit");
				Pattern notALimit = v.requirementCue("notADurationLimit");
				boolean limit = atMost.matcher(before).find() || atMost.matcher(after).find();
				if (limit && !notALimit.matcher(before).find() && !notALimit.matcher(after).find()) {
					int value = Integer.parseInt(span.group(1));
					boolean years = span.group(2).startsWith("a") || span.group(2).startsWith("y");
					if (value > 0 && value <= (years ? 10 : 120)) {
						this.durationMonthsMax = years ? value * 12 : value;
						evidence.putIfAbsent("durationMonthsMax", sentence);
						return;
					}
				}
			}
		}

		private void readPopulation(String sentence, String numeric, Map<String, String> evidence) {
			int before = this.populationTiers.size();
			Matcher tier = TIER.matcher(numeric);
			Matcher range = PEOPLE_RANGE.matcher(numeric);
			java.util.BitSet used = new java.util.BitSet();
			while (tier.find()) {
				addTier(count(tier.group(1), tier.group(2)), count(tier.group(3), tier.group(4)));
				used.set(tier.start(), tier.end());
			}
			while (range.find()) {
				if (!used.get(range.start(), range.end()).isEmpty()) {
					continue;
				}
				addTier(count(range.group(1), range.group(2)), count(range.group(3), range.group(4)));
				used.set(range.start(), range.end());
			}
			Matcher more = MORE_THAN.matcher(numeric);
			while (more.find()) {
				if (used.get(more.start(), more.end()).isEmpty()) {
					addTier(count(more.group(1), more.group(2)), null);
				}
			}
			Matcher less = LESS_THAN.matcher(numeric);
			while (less.find()) {
				if (used.get(less.start(), less.end()).isEmpty()) {
					addTier(null, count(less.group(1), less.group(2)));
				}
			}
			if (this.populationTiers.size() > before) {
				evidence.putIfAbsent("populationMin", sentence);
				evidence.putIfAbsent("populationMax", sentence);
			}
		}

		private void addTier(Long min, Long max) {
			if (min != null || max != null) {
				this.populationTiers.add(new long[] { min == null ? -1 : min, max == null ? -1 : max });
			}
		}

		private static Long count(String digits, String scale) {
			BigDecimal value = AmountParser.number(digits.strip(), scale);
			return value == null ? null : value.longValue();
		}

		/** The smallest population any tier admits; null when a tier has no floor. */
		Long populationMin() {
			if (this.populationTiers.isEmpty()) {
				return null;
			}
			long min = Long.MAX_VALUE;
			for (long[] tier : this.populationTiers) {
				if (tier[0] < 0) {
					return null;
				}
				min = Math.min(min, tier[0]);
			}
			return min;
		}

		/** The largest population any tier admits; null when a tier has no ceiling. */
		Long populationMax() {
			if (this.populationTiers.isEmpty()) {
				return null;
			}
			long max = 0;
			for (long[] tier : this.populationTiers) {
				if (tier[1] < 0) {
					return null;
				}
				max = Math.max(max, tier[1]);
			}
			return max;
		}

	}

}
