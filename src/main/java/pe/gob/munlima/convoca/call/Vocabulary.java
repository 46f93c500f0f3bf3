package pe.gob.munlima.convoca.call;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The multilingual vocabulary of reading/vocabulary.yaml, compiled into one whole-word
 * pattern per id. Terms are folded like the text they are matched against.
 */
final class Vocabulary {

	/** The requirementCues every vocabulary file must give. */
	private static final List<String> REQUIREMENT_CUES = List.of("preference", "aboutProject", "durationLimit",
			"notADurationLimit", "reservedTo", "indirectMembership", "funderShare");

	private final Terms applicantTypes;

	private final Terms geographies;

	private final Terms themes;

	private final Pattern eligibilityCues;

	private final Pattern exclusionCues;

	private final Pattern reimbursable;

	private final Pattern nonReimbursable;

	private final Map<String, List<String>> themeTerms;

	private final Pattern amountCues;

	private final Pattern coFinancingCues;

	private final Terms networks;

	private final Pattern networkCues;

	private final Terms partnerships;

	private final Pattern applicationLanguageCues;

	private final Terms languages;

	private final Terms registrations;

	private final Pattern durationCues;

	private final Pattern populationCues;

	private final Terms incomeGroups;

	private final Pattern procurement;

	private final Pattern eligibilityHeadings;

	private final Pattern whereCues;

	private final Pattern applicantLocationCues;

	private final Pattern negationBefore;

	private final Pattern negationAfter;

	private final Pattern bareNegation;

	private final Pattern anyApplicant;

	private final Map<String, List<String>> applicantTypeIncludes;

	private final List<String> applicantTypeIds;

	private final Pattern themeRestrictionCues;

	private final Pattern domesticCues;

	private final Terms kindWords;

	private final Pattern standingCues;

	private final Map<String, Pattern> requirementCues;

	private final Pattern membershipCues;

	private final Pattern membershipWaived;

	private final Pattern registrationCues;

	private final Map<String, Long> numberWords;

	private final Gazetteer gazetteer;

	private final DateReader.Grammar dates;

	private final AmountParser amounts;

	private Vocabulary(VocabularyFile file, Gazetteer gazetteer, DateWords dates, CurrencyNames currencies) {
		this.gazetteer = gazetteer;
		this.dates = new DateReader.Grammar(dates);
		this.amounts = new AmountParser(currencies);
		this.eligibilityHeadings = pattern(file.eligibilityHeadings());
		this.whereCues = pattern(file.whereCues());
		this.applicantLocationCues = pattern(file.applicantLocationCues());
		this.negationBefore = pattern(file.negationBefore());
		this.negationAfter = pattern(file.negationAfter());
		this.bareNegation = pattern(file.bareNegation());
		this.anyApplicant = pattern(file.anyApplicant());
		this.applicantTypeIncludes = file.applicantTypeIncludes() == null ? Map.of()
				: Map.copyOf(file.applicantTypeIncludes());
		this.applicantTypeIds = file.applicantTypes() == null ? List.of() : List.copyOf(file.applicantTypes().keySet());
		this.themeRestrictionCues = pattern(file.themeRestrictionCues());
		this.domesticCues = pattern(file.domesticCues());
		this.kindWords = Terms.of(file.kindWords());
		this.standingCues = pattern(file.standingCues());
		Map<String, Pattern> cues = new LinkedHashMap<>();
		for (String name : REQUIREMENT_CUES) {
			List<String> terms = file.requirementCues() == null ? null : file.requirementCues().get(name);
			if (terms == null || terms.isEmpty()) {
				throw new IllegalArgumentException("requirementCues." + name + " is missing or empty");
			}
			cues.put(name, pattern(terms));
		}
		this.requirementCues = Map.copyOf(cues);
		this.membershipCues = pattern(file.membershipCues());
		this.membershipWaived = pattern(file.membershipWaived());
		this.registrationCues = pattern(file.registrationCues());
		Map<String, Long> numbers = new LinkedHashMap<>();
		if (file.numberWords() != null) {
			file.numberWords().forEach((word, value) -> numbers.put(TextFolding.fold(word), value));
		}
		this.numberWords = Map.copyOf(numbers);
		this.applicantTypes = Terms.of(file.applicantTypes());
		this.geographies = Terms.of(file.geographies());
		this.themes = Terms.of(file.themes());
		this.eligibilityCues = pattern(file.eligibilityCues());
		this.exclusionCues = pattern(file.exclusionCues());
		this.reimbursable = pattern(file.reimbursableTerms());
		this.nonReimbursable = pattern(file.nonReimbursableTerms());
		this.themeTerms = file.themes() == null ? Map.of() : Map.copyOf(file.themes());
		this.amountCues = pattern(file.amountCues());
		this.coFinancingCues = pattern(file.coFinancingCues());
		this.networks = Terms.of(file.networks());
		this.networkCues = pattern(file.networkCues());
		this.partnerships = Terms.of(file.partnerships());
		this.applicationLanguageCues = pattern(file.applicationLanguageCues());
		this.languages = Terms.of(file.languages());
		this.registrations = Terms.of(file.registrations());
		this.durationCues = pattern(file.durationCues());
		this.populationCues = pattern(file.populationCues());
		this.incomeGroups = Terms.of(file.incomeGroups());
		this.procurement = pattern(file.procurementTerms());
	}

	/**
	 * Headings that open a passage about who may apply ("Eligibility", "¿Quién puede
	 * postular?").
	 */
	Pattern eligibilityHeadings() {
		return this.eligibilityHeadings;
	}

	/** Words that say where the work happens ("proyectos en los siguientes países"). */
	Pattern whereCues() {
		return this.whereCues;
	}

	/** Words that bind a place to the applicant ("established in", "con sede en"). */
	Pattern applicantLocationCues() {
		return this.applicantLocationCues;
	}

	/** Exclusion cues that govern what follows ("no puede apoyar a", "except"). */
	Pattern negationBefore() {
		return this.negationBefore;
	}

	/** Exclusion cues that govern what precedes ("are not eligible"). */
	Pattern negationAfter() {
		return this.negationAfter;
	}

	/** Plain negation words, counted to find clauses with two negations. */
	Pattern bareNegation() {
		return this.bareNegation;
	}

	/** Words that open a call to anyone ("any interested parties"). */
	Pattern anyApplicant() {
		return this.anyApplicant;
	}

	/** Every applicant-type id, in the order of the file. */
	List<String> applicantTypeIds() {
		return this.applicantTypeIds;
	}

	/**
	 * The id and the ids it includes: a call open to public bodies is open to
	 * municipalities.
	 */
	List<String> withIncluded(String applicantType) {
		List<String> ids = new java.util.ArrayList<>();
		ids.add(applicantType);
		ids.addAll(this.applicantTypeIncludes.getOrDefault(applicantType, List.of()));
		return ids;
	}

	/**
	 * The word lists the requirement readers use (duration limits, preferences, reserved
	 * membership …), by their name in requirementCues of the file.
	 */
	Pattern requirementCue(String name) {
		Pattern cue = this.requirementCues.get(name);
		if (cue == null) {
			throw new IllegalArgumentException("No requirement cue " + name);
		}
		return cue;
	}

	/** Words of a standing programme ("ventanilla abierta", "rolling basis"). */
	Pattern standingCues() {
		return this.standingCues;
	}

	/** Bare words of a kind of applicant ("local", "municipal"), for the self-check. */
	Terms kindWords() {
		return this.kindWords;
	}

	/**
	 * Words of a national programme for the funder's own country ("territorio nacional").
	 */
	Pattern domesticCues() {
		return this.domesticCues;
	}

	/** Words that make a sentence's themes a restriction ("únicamente proyectos de"). */
	Pattern themeRestrictionCues() {
		return this.themeRestrictionCues;
	}

	/** Words that require membership of a network ("only member cities of"). */
	Pattern membershipCues() {
		return this.membershipCues;
	}

	/** Words that waive it ("regardless of whether or not they are members"). */
	Pattern membershipWaived() {
		return this.membershipWaived;
	}

	/** Words that require a prior registration ("inscritas en el Registro"). */
	Pattern registrationCues() {
		return this.registrationCues;
	}

	/** Numbers in words, folded: "diez" → 10, "million" → 1,000,000. */
	Map<String, Long> numberWords() {
		return this.numberWords;
	}

	Gazetteer gazetteer() {
		return this.gazetteer;
	}

	/** Words of public procurement (tenders, expressions of interest): not funding. */
	Pattern procurement() {
		return this.procurement;
	}

	Pattern amountCues() {
		return this.amountCues;
	}

	Pattern coFinancingCues() {
		return this.coFinancingCues;
	}

	Terms networks() {
		return this.networks;
	}

	Pattern networkCues() {
		return this.networkCues;
	}

	Terms partnerships() {
		return this.partnerships;
	}

	Pattern applicationLanguageCues() {
		return this.applicationLanguageCues;
	}

	Terms languages() {
		return this.languages;
	}

	Terms registrations() {
		return this.registrations;
	}

	Pattern durationCues() {
		return this.durationCues;
	}

	Pattern populationCues() {
		return this.populationCues;
	}

	Terms incomeGroups() {
		return this.incomeGroups;
	}

	/** Theme id to its terms in every language, as written in the file. */
	Map<String, List<String>> themeTerms() {
		return this.themeTerms;
	}

	/**
	 * How dates are written: months, weekdays and zone names of calendar.yaml beside the
	 * vocabulary, compiled.
	 */
	DateReader.Grammar dates() {
		return this.dates;
	}

	/** Amounts with the currency names of currencies.yaml beside the vocabulary. */
	AmountParser amounts() {
		return this.amounts;
	}

	/**
	 * Reads and compiles the file and the files beside it (countries.yaml, calendar.yaml,
	 * currencies.yaml); a broken file fails with its path and the parser's message.
	 */
	static Vocabulary load(Path file) {
		VocabularyFile parsed = YamlFiles.read(file, VocabularyFile.class, "vocabulary");
		return new Vocabulary(parsed, Gazetteer.load(file.resolveSibling("countries.yaml")),
				DateWords.load(file.resolveSibling("calendar.yaml")),
				CurrencyNames.load(file.resolveSibling("currencies.yaml")));
	}

	Terms applicantTypes() {
		return this.applicantTypes;
	}

	Terms geographies() {
		return this.geographies;
	}

	Terms themes() {
		return this.themes;
	}

	Pattern eligibilityCues() {
		return this.eligibilityCues;
	}

	Pattern exclusionCues() {
		return this.exclusionCues;
	}

	Pattern reimbursable() {
		return this.reimbursable;
	}

	Pattern nonReimbursable() {
		return this.nonReimbursable;
	}

	/**
	 * One pattern for a list of terms: whole words, folded, so "Perú" in a call matches
	 * "peru" in the file.
	 */
	static Pattern pattern(List<String> terms) {
		if (terms == null || terms.isEmpty()) {
			return Pattern.compile("(?!)");
		}
		String alternatives = terms.stream()
			.map(TextFolding::fold)
			.filter(term -> !term.isEmpty())
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
		// Word boundaries that also work next to punctuation such as "u.s." or
		// "city/township".
		return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
	}

	record VocabularyFile(Map<String, List<String>> applicantTypes, List<String> eligibilityCues,
			Map<String, List<String>> geographies, List<String> exclusionCues, Map<String, List<String>> themes,
			List<String> reimbursableTerms, List<String> nonReimbursableTerms, List<String> amountCues,
			List<String> coFinancingCues, Map<String, List<String>> networks, List<String> networkCues,
			Map<String, List<String>> partnerships, List<String> applicationLanguageCues,
			Map<String, List<String>> languages, Map<String, List<String>> registrations, List<String> durationCues,
			List<String> populationCues, Map<String, List<String>> incomeGroups, List<String> procurementTerms,
			List<String> eligibilityHeadings, List<String> whereCues, List<String> applicantLocationCues,
			List<String> negationBefore, List<String> negationAfter, List<String> bareNegation,
			List<String> anyApplicant, Map<String, List<String>> applicantTypeIncludes,
			List<String> themeRestrictionCues, List<String> membershipCues, List<String> membershipWaived,
			List<String> registrationCues, Map<String, Long> numberWords, List<String> domesticCues,
			Map<String, List<String>> kindWords, List<String> standingCues, Map<String, List<String>> requirementCues) {
	}

}
