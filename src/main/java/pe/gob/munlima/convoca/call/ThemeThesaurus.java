package pe.gob.munlima.convoca.call;

import java.util.List;
import java.util.Map;

/**
 * The themes of index/vocabulary.yaml with their terms in Spanish, English, French and
 * Portuguese: "mobility" is movilidad, mobility, mobilité, mobilidade ... Matching turns
 * a project's themes into a query in all four languages with it.
 */
public final class ThemeThesaurus {

	private final Map<String, List<String>> terms;

	ThemeThesaurus(Map<String, List<String>> terms) {
		this.terms = Map.copyOf(terms);
	}

	public List<String> termsOf(String themeId) {
		return this.terms.getOrDefault(themeId, List.of());
	}

	public java.util.Set<String> themes() {
		return this.terms.keySet();
	}

}
