package pe.gob.munlima.convoca.requirement;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One thing a call states, with the words that state it. A fact the call does not state
 * is a null {@code Fact}, never a fact with a null value: "not stated" and "stated" must
 * not be confused by a rule.
 *
 * @param value what the call says (a list is never empty)
 * @param evidence the sentence of the call, the source's field or the funder's general
 * rule the value was read from; null only for facts given by hand
 */
public record Fact<T>(T value, String evidence) {

	public Fact {
		Objects.requireNonNull(value, "a fact has a value; an unstated fact is null");
		if (value instanceof List<?> list) {
			value = castList(List.copyOf(list));
		}
	}

	/** The fact, or null when there is nothing to state (null value, empty list). */
	public static <T> Fact<T> of(T value, String evidence) {
		if (value == null || (value instanceof Collection<?> values && values.isEmpty())) {
			return null;
		}
		return new Fact<>(value, evidence);
	}

	/** The value of a fact that may be unstated. */
	public static <T> T valueOf(Fact<T> fact) {
		return fact == null ? null : fact.value();
	}

	/** The evidence of a fact that may be unstated. */
	public static String evidenceOf(Fact<?> fact) {
		return fact == null ? null : fact.evidence();
	}

	@SuppressWarnings("unchecked")
	private static <T> T castList(List<?> list) {
		return (T) list;
	}

}
