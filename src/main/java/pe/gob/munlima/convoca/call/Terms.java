package pe.gob.munlima.convoca.call;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms of one vocabulary section (themes, geographies ...) by id, compiled for
 * matching folded sentences. Matching a sentence against every id's pattern is most of
 * the cost of reading a call, and most ids cannot match: a term can only be in a sentence
 * whose words include the term's first word. So each id keeps the first words of its
 * terms, and only the ids whose first word the sentence has are tried.
 */
final class Terms {

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final Map<String, Pattern> patterns;

	private final Map<String, Set<String>> firstWords;

	private Terms(Map<String, Pattern> patterns, Map<String, Set<String>> firstWords) {
		this.patterns = patterns;
		this.firstWords = firstWords;
	}

	static Terms of(Map<String, List<String>> termsById) {
		Map<String, Pattern> patterns = new LinkedHashMap<>();
		Map<String, Set<String>> firstWords = new LinkedHashMap<>();
		if (termsById != null) {
			termsById.forEach((id, terms) -> {
				patterns.put(id, Vocabulary.pattern(terms));
				Set<String> first = new HashSet<>();
				for (String term : terms) {
					String word = firstWord(TextFolding.fold(term));
					if (!word.isEmpty()) {
						first.add(word);
					}
				}
				firstWords.put(id, Set.copyOf(first));
			});
		}
		// In the order of the file, not Map.copyOf's: that order changes from one start
		// to
		// the next, and the ids a call is tagged with would come out in another order
		// after every restart (a new version of the call, "themes changed", each time).
		return new Terms(Collections.unmodifiableMap(patterns), Collections.unmodifiableMap(firstWords));
	}

	/** The words of a folded text, for {@link #matchInto} and {@link #first}. */
	static Set<String> words(String folded) {
		Set<String> words = new HashSet<>();
		for (String word : NOT_WORD.split(folded)) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/** Adds the id of every term the sentence mentions; true when it mentions any. */
	boolean matchInto(String folded, Set<String> words, Set<String> into) {
		boolean matched = false;
		for (Map.Entry<String, Pattern> term : this.patterns.entrySet()) {
			if (mayMatch(term.getKey(), words) && term.getValue().matcher(folded).find()) {
				into.add(term.getKey());
				matched = true;
			}
		}
		return matched;
	}

	/** The first id (in alphabetical order) the sentence mentions, or null. */
	String first(String folded, Set<String> words) {
		return this.patterns.entrySet()
			.stream()
			.filter(e -> mayMatch(e.getKey(), words) && e.getValue().matcher(folded).find())
			.map(Map.Entry::getKey)
			.sorted()
			.findFirst()
			.orElse(null);
	}

	/**
	 * Every term of every id the folded text mentions, with where it stands; a term
	 * inside a longer one of another id ("local authorities" in "regional and local
	 * authorities") is kept once, by the longer.
	 */
	List<EligibilityReader.Mention> mentions(String folded) {
		Set<String> words = words(folded);
		List<EligibilityReader.Mention> found = new ArrayList<>();
		for (Map.Entry<String, Pattern> term : this.patterns.entrySet()) {
			if (!mayMatch(term.getKey(), words)) {
				continue;
			}
			Matcher m = term.getValue().matcher(folded);
			while (m.find()) {
				found.add(new EligibilityReader.Mention(term.getKey(), m.start(), m.end()));
			}
		}
		found.removeIf(a -> found.stream()
			.anyMatch(b -> b != a && b.start() <= a.start() && b.end() >= a.end()
					&& b.end() - b.start() > a.end() - a.start()));
		found.sort((a, b) -> Integer.compare(a.start(), b.start()));
		return found;
	}

	/** The ids in the order of the file. */
	Set<String> ids() {
		return this.patterns.keySet();
	}

	boolean contains(String id) {
		return this.patterns.containsKey(id);
	}

	private boolean mayMatch(String id, Set<String> words) {
		for (String word : this.firstWords.get(id)) {
			if (words.contains(word)) {
				return true;
			}
		}
		return false;
	}

	private static String firstWord(String folded) {
		for (String word : NOT_WORD.split(folded)) {
			if (!word.isEmpty()) {
				return word;
			}
		}
		return "";
	}

}
