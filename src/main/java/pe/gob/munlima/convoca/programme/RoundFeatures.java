package pe.gob.munlima.convoca.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a call says which programme it is a round of, with everything that changes from
 * round to round taken away: years, fiscal years, round numbers and ordinals, round words
 * ("convocatoria", "round", "appel", "edital").
 *
 * @param funderKey the funder's name folded; rounds of one programme share it
 * @param referenceStem the donor's reference without years and round parts, its parts
 * joined by spaces; null when the call has none or too little is left
 * @param programmeName the programme the source names, folded; null when it names none
 * @param titleWords the title's content words
 * @param sourceId the source that listed the call
 */
record RoundFeatures(String funderKey, String referenceStem, String programmeName, Set<String> titleWords,
		String sourceId) {

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern REFERENCE_SPLIT = Pattern.compile("[^A-Za-z0-9]+");

	/** 2024, FY2024, FY24, 2024/25. */
	private static final Pattern YEAR = Pattern.compile("(?:fy)?(?:19|20)\\d\\d|fy\\d\\d");

	/** Letters ending in a year: ROSES2024. */
	private static final Pattern YEAR_SUFFIX = Pattern.compile("(\\p{L}+)(?:19|20)\\d\\d");

	/** R3, RD2, ROUND3, CALL2, 3rd, 2nd, 1er, 2e, 2eme, 3a, 2o, 2da, 3ra. */
	private static final Pattern ROUND_PART = Pattern
		.compile("(?:r|rd|round|call|c|ronda|conv|ed|edicion|edital|phase|fase|cycle|ciclo|v)\\d{1,2}"
				+ "|\\d{1,2}(?:st|nd|rd|th|er|re|e|eme|a|o|da|do|ra|ro|ta|to|va|vo)");

	/** A number of one or two digits, or a Roman numeral from II to XX. */
	private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,2}|x{0,2}(?:ix|iv|v?i{1,3})");

	/** Articles and prepositions of es/en/fr/pt, as the call module's title likeness. */
	private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "the", "of", "for", "in", "on", "to", "with",
			"by", "at", "de", "del", "la", "las", "el", "los", "y", "en", "para", "por", "con", "un", "una", "al", "le",
			"les", "des", "du", "et", "pour", "au", "aux", "sur", "do", "da", "das", "dos", "e", "o", "os", "as", "em",
			"no", "na", "nos", "nas", "um", "uma");

	RoundFeatures {
		titleWords = Set.copyOf(titleWords);
	}

	static RoundFeatures of(String funder, String reference, String programme, String title, String sourceId,
			ProgrammeSignals signals) {
		String folded = Folding.fold(programme);
		return new RoundFeatures(Folding.fold(funder), referenceStem(reference, signals.grouping().referenceParts()),
				folded.isEmpty() ? null : String.join(" ", words(folded, signals)), words(title, signals), sourceId);
	}

	/** The reference without the parts that change between rounds, or null. */
	static String referenceStem(String reference, int minimumParts) {
		if (reference == null || reference.isBlank()) {
			return null;
		}
		List<String> kept = new ArrayList<>();
		for (String part : REFERENCE_SPLIT.split(Folding.fold(reference))) {
			if (YEAR.matcher(part).matches() || ROUND_PART.matcher(part).matches()) {
				continue;
			}
			// "ROSES2024", "CALL2025": a year after letters; digits alone ("020922", a
			// posting date) are a serial, kept whole.
			Matcher suffix = YEAR_SUFFIX.matcher(part);
			kept.add(suffix.matches() ? suffix.group(1) : part);
		}
		boolean named = kept.stream().anyMatch(part -> part.chars().anyMatch(Character::isLetter));
		return kept.size() < minimumParts || !named ? null : String.join(" ", kept);
	}

	/**
	 * The content words of a title, without what names the round rather than the
	 * programme.
	 */
	static Set<String> words(String title, ProgrammeSignals signals) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : NOT_WORD.split(Folding.fold(title))) {
			if (word.isEmpty() || STOP_WORDS.contains(word) || signals.roundWords().contains(word)
					|| signals.ordinals().contains(word) || YEAR.matcher(word).matches()
					|| ROUND_PART.matcher(word).matches() || SMALL_NUMBER.matcher(word).matches()) {
				continue;
			}
			words.add(word);
		}
		return words;
	}

	/** The title words as stored: sorted, space-separated. */
	String titleKey() {
		return String.join(" ", this.titleWords.stream().sorted().toList());
	}

	static Set<String> fromKey(String key) {
		return key == null || key.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(key.split(" ")));
	}

}
