package pe.gob.munlima.convoca.money;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rate table that cannot be true: every problem found, each with the currency it is
 * about (null when it is about the section as a whole), so a caller can point at the
 * line.
 */
public class InvalidRatesException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final transient List<Problem> problems;

	InvalidRatesException(List<Problem> problems) {
		super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * @param currency the currency of the rate, or null
	 * @param message what is wrong, naming the key
	 */
	public record Problem(String currency, String message) {
	}

}
