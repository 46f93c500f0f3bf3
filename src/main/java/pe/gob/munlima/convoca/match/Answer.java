package pe.gob.munlima.convoca.match;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a gerencia answers about a match: "nos interesa" or "no aplica". Labels come from
 * the bundles ({@code answer.INTERESTED}); the office's words are accepted as aliases in
 * the API ({@code "no aplica"}).
 */
public enum Answer {

	/** "Nos interesa": the gerencia wants to apply; it may start an application. */
	INTERESTED("nos_interesa"),

	/**
	 * "No aplica": not for this project; the digest and the Panel stop repeating the pair
	 * while its verdict stays the one answered.
	 */
	NOT_APPLICABLE("no_aplica");

	private final String alias;

	Answer(String alias) {
		this.alias = alias;
	}

	/** The Spanish code the office uses, e.g. {@code no_aplica}. */
	public String alias() {
		return this.alias;
	}

	/**
	 * The answer named {@code name}: {@code NOT_APPLICABLE}, {@code no_aplica} or "no
	 * aplica" (case, spaces and dashes ignored).
	 */
	public static Optional<Answer> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String folded = name.strip().replace(' ', '_').replace('-', '_').toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(answer -> answer.name().toLowerCase(Locale.ROOT).equals(folded) || answer.alias.equals(folded))
			.findFirst();
	}

}
