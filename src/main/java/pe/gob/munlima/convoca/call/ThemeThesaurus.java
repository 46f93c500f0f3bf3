package pe.gob.munlima.convoca.call;

import java.util.List;
import java.util.Map;

/**
 * The themes of reading/vocabulary.yaml with their terms in Spanish, English, French and
 * Portuguese: "mobility" is movilidad, mobility, mobilité, mobilidade ... Matching turns
 * a project's themes into a query in all four languages with it.
 */
public final class ThemeThesaurus {

	private final Map<String, List<String>> terms;

	ThemeThesaurus(Map<String, List<String>> terms) {
		this.terms = Map.copyOf(terms);
	}

	/**
	 * Reads the themes of a vocabulary file (for tools and benchmarks outside Spring).
	 */
	public static ThemeThesaurus load(java.nio.file.Path vocabularyFile) {
		return new ThemeThesaurus(Vocabulary.load(vocabularyFile).themeTerms());
	}

	public List<String> termsOf(String themeId) {
		return this.terms.getOrDefault(themeId, List.of());
	}

	public java.util.Set<String> themes() {
		return this.terms.keySet();
	}

}
