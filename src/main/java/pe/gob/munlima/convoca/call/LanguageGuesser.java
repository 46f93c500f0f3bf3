package pe.gob.munlima.convoca.call;

import java.util.Map;
import java.util.Set;

/**
 * Guesses es / en / fr / pt from function words, for sources that do not declare their
 * language. Good enough for whole summaries; returns null when the text is too short to
 * tell, so the language stays unknown rather than wrong.
 */
final class LanguageGuesser {

	private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of("es",
			Set.of("el", "la", "los", "las", "de", "del", "y", "para", "con", "por", "una", "que", "en", "se"), "en",
			Set.of("the", "and", "of", "to", "for", "with", "is", "are", "on", "by", "this", "that", "in", "be"), "fr",
			Set.of("le", "la", "les", "des", "et", "pour", "avec", "une", "du", "est", "sur", "dans", "aux", "au"),
			"pt", Set.of("o", "os", "as", "do", "da", "dos", "das", "e", "para", "com", "uma", "em", "no", "na"));

	private static final int MIN_HITS = 3;

	private LanguageGuesser() {
	}

	static String guess(String text) {
		String[] words = TextFolding.fold(text).split("[^\\p{L}]+");
		String best = null;
		int bestHits = 0;
		for (Map.Entry<String, Set<String>> language : FUNCTION_WORDS.entrySet()) {
			int hits = 0;
			for (String word : words) {
				if (language.getValue().contains(word)) {
					hits++;
				}
			}
			if (hits > bestHits) {
				best = language.getKey();
				bestHits = hits;
			}
		}
		return bestHits >= MIN_HITS ? best : null;
	}

}
