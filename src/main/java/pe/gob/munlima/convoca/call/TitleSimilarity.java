package pe.gob.munlima.convoca.call;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How alike two titles are, for recognising one call on two sources: the Dice coefficient
 * of their content words (folded, without articles and prepositions of es/en/fr/pt), from
 * 0 (no word shared) to 1 (same words). An aggregator that cut a title short ("…") is
 * compared on the words it kept.
 */
final class TitleSimilarity {

	private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "the", "of", "for", "in", "on", "to", "with",
			"by", "at", "de", "del", "la", "las", "el", "los", "y", "en", "para", "por", "con", "un", "una", "al", "le",
			"les", "des", "du", "et", "pour", "au", "aux", "sur", "do", "da", "das", "dos", "e", "o", "os", "as", "em",
			"no", "na", "nos", "nas", "um", "uma");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern ELLIPSIS = Pattern.compile("(?:\\.\\.\\.|…)\\s*$");

	private TitleSimilarity() {
	}

	static double between(String first, String second) {
		List<String> a = words(first);
		List<String> b = words(second);
		if (ELLIPSIS.matcher(first.strip()).find() && b.size() > a.size()) {
			b = b.subList(0, a.size());
		}
		else if (ELLIPSIS.matcher(second.strip()).find() && a.size() > b.size()) {
			a = a.subList(0, b.size());
		}
		Set<String> setA = new HashSet<>(a);
		Set<String> setB = new HashSet<>(b);
		if (setA.isEmpty() || setB.isEmpty()) {
			return 0;
		}
		int shared = 0;
		for (String word : setA) {
			if (setB.contains(word)) {
				shared++;
			}
		}
		return 2.0 * shared / (setA.size() + setB.size());
	}

	private static List<String> words(String title) {
		List<String> words = new ArrayList<>();
		for (String word : NOT_WORD.split(TextFolding.fold(title))) {
			if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}

}
