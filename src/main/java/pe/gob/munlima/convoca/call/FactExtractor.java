package pe.gob.munlima.convoca.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
		List<String> sentences = sentences(title + ".\n" + text);
		Map<String, String> evidence = new LinkedHashMap<>();
		Set<String> applicantTypes = new LinkedHashSet<>();
		Set<String> geographies = new LinkedHashSet<>();
		Set<String> excluded = new LinkedHashSet<>();
		Set<String> themes = new LinkedHashSet<>();
		Boolean reimbursable = null;
		for (String sentence : sentences) {
			String folded = TextFolding.fold(sentence);
			boolean aboutEligibility = this.vocabulary.eligibilityCues().matcher(folded).find();
			boolean excluding = this.vocabulary.exclusionCues().matcher(folded).find();
			if (aboutEligibility) {
				collect(this.vocabulary.applicantTypes(), folded, sentence, applicantTypes, evidence, "applicantTypes");
			}
			Set<String> placesHere = new LinkedHashSet<>();
			collect(this.vocabulary.geographies(), folded, sentence, placesHere, evidence,
					excluding ? "excludedCountries" : "eligibleGeographies");
			(excluding ? excluded : geographies).addAll(placesHere);
			collect(this.vocabulary.themes(), folded, sentence, themes, evidence, "themes");
			if (this.vocabulary.reimbursable().matcher(folded).find()) {
				reimbursable = Boolean.TRUE;
				evidence.putIfAbsent("reimbursable", sentence.strip());
			}
			else if (reimbursable == null && this.vocabulary.nonReimbursable().matcher(folded).find()) {
				reimbursable = Boolean.FALSE;
				evidence.putIfAbsent("reimbursable", sentence.strip());
			}
		}
		return new ExtractedFacts(orNull(applicantTypes), orNull(geographies), orNull(excluded), orNull(themes),
				reimbursable, Map.copyOf(evidence));
	}

	private static void collect(Map<String, Pattern> terms, String folded, String sentence, Set<String> into,
			Map<String, String> evidence, String fact) {
		terms.forEach((id, pattern) -> {
			if (pattern.matcher(folded).find()) {
				into.add(id);
				evidence.putIfAbsent(fact, sentence.strip());
			}
		});
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
			List<String> themes, Boolean reimbursable, Map<String, String> evidence) {
	}

}
