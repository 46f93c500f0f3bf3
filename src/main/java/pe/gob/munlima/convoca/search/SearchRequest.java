package pe.gob.munlima.convoca.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.util.MultiValueMap;

/**
 * One search as the API states it. Filters on the same facet are alternatives
 * ({@code theme=water&theme=waste}); different facets all apply.
 *
 * @param q Lucene classic syntax; blank matches every call
 * @param filters facet dimension to the values wanted
 * @param deadlineFrom first day (Lima time) a deadline may fall on, inclusive
 * @param deadlineTo last day (Lima time) a deadline may fall on, inclusive
 * @param amountMin lowest largest-amount in USD, inclusive
 * @param amountMax highest largest-amount in USD, inclusive
 * @param snippets false to skip highlighting (a client that only refreshes counts)
 */
record SearchRequest(String q, Map<String, List<String>> filters, LocalDate deadlineFrom, LocalDate deadlineTo,
		Long amountMin, Long amountMax, Sort sort, int page, int size, boolean snippets) {

	static final int MAX_SIZE = 100;

	/** Hits a search can page through, and rows a CSV export holds. */
	static final int MAX_WINDOW = 10_000;

	SearchRequest {
		filters = Map.copyOf(filters);
	}

	static SearchRequest of(String q, int page, int size) {
		return new SearchRequest(q, Map.of(), null, null, null, null, Sort.RELEVANCE, page, size, true);
	}

	/**
	 * Reads the query string; multi-valued parameters are kept apart as given, so a
	 * funder whose name has a comma stays one value.
	 * @throws InvalidSearchException with a Spanish message for a malformed parameter
	 */
	static SearchRequest from(MultiValueMap<String, String> params) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		for (String dim : CallFields.STRING_DIMS) {
			List<String> values = params.getOrDefault(dim, List.of())
				.stream()
				.map(String::strip)
				.filter(v -> !v.isEmpty())
				.map(v -> CallFields.DIM_STATUS.equals(dim) || CallFields.DIM_LANGUAGE.equals(dim)
						? v.toLowerCase(Locale.ROOT) : v)
				.toList();
			if (!values.isEmpty()) {
				filters.put(dim, values);
			}
		}
		int page = integer(params, "page", 0);
		int size = integer(params, "size", 20);
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw new InvalidSearchException("page debe ser >= 0 y size entre 1 y " + MAX_SIZE + ".");
		}
		if ((long) (page + 1) * size > MAX_WINDOW) {
			throw new InvalidSearchException("Solo se pueden recorrer los primeros " + MAX_WINDOW
					+ " resultados; afine la búsqueda con filtros.");
		}
		LocalDate from = date(params, "deadlineFrom");
		LocalDate to = date(params, "deadlineTo");
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidSearchException("deadlineFrom (" + from + ") es posterior a deadlineTo (" + to + ").");
		}
		Long min = amount(params, "amountMin");
		Long max = amount(params, "amountMax");
		if (min != null && max != null && min > max) {
			throw new InvalidSearchException("amountMin (" + min + ") es mayor que amountMax (" + max + ").");
		}
		boolean snippets = !"false".equalsIgnoreCase(String.valueOf(params.getFirst("snippets")).strip());
		return new SearchRequest(params.getFirst("q"), filters, from, to, min, max, Sort.parse(params.getFirst("sort")),
				page, size, snippets);
	}

	private static int integer(MultiValueMap<String, String> params, String name, int fallback) {
		Integer value = optional(params, name, Integer::valueOf, "un número entero");
		return value == null ? fallback : value;
	}

	private static Long amount(MultiValueMap<String, String> params, String name) {
		return optional(params, name, value -> {
			long amount = Long.parseLong(value.replace("_", ""));
			if (amount < 0) {
				throw new NumberFormatException(value);
			}
			return amount;
		}, "un monto entero en USD, sin separadores (por ejemplo 250000)");
	}

	private static LocalDate date(MultiValueMap<String, String> params, String name) {
		return optional(params, name, LocalDate::parse, "una fecha AAAA-MM-DD (por ejemplo 2027-03-31)");
	}

	/**
	 * The parameter parsed, null when absent or blank, or a 400 that says what was
	 * expected.
	 */
	private static <T> T optional(MultiValueMap<String, String> params, String name, Function<String, T> parser,
			String expected) {
		String value = params.getFirst(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return parser.apply(value.strip());
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new InvalidSearchException(name + " debe ser " + expected + ", no \"" + value + "\".");
		}
	}

	enum Sort {

		/** Best match first (BM25). */
		RELEVANCE,
		/** Nearest deadline first; calls without a deadline last. */
		DEADLINE,
		/** Most recently published first. */
		NEWEST;

		static Sort parse(String value) {
			if (value == null || value.isBlank()) {
				return RELEVANCE;
			}
			return switch (value.strip().toLowerCase(Locale.ROOT)) {
				case "relevance", "relevancia" -> RELEVANCE;
				case "deadline", "plazo" -> DEADLINE;
				case "newest", "recientes" -> NEWEST;
				default -> throw new InvalidSearchException(
						"sort debe ser relevance, deadline o newest, no \"" + value + "\".");
			};
		}

	}

	/**
	 * A search the API answers with 400 and this message (or, for the newer refusals, the
	 * message of a bundle key).
	 */
	static class InvalidSearchException extends RuntimeException {

		private final String code;

		private final Object[] arguments;

		InvalidSearchException(String message) {
			this(message, (Throwable) null);
		}

		InvalidSearchException(String message, Throwable cause) {
			super(message, cause);
			this.code = null;
			this.arguments = null;
		}

		private InvalidSearchException(String code, Object[] arguments, Throwable cause) {
			super(code, cause);
			this.code = code;
			this.arguments = arguments;
		}

		/** A refusal whose message is the bundle's {@code code}. */
		static InvalidSearchException coded(String code, Throwable cause, Object... arguments) {
			return new InvalidSearchException(code, arguments, cause);
		}

		/** The message in the reader's language. */
		String message(org.springframework.context.MessageSource messages, Locale locale) {
			return this.code == null ? getMessage() : messages.getMessage(this.code, this.arguments, locale);
		}

	}

}
