package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads grant amounts with their currency in the ways calls write them: "EUR 500.000",
 * "US$ 1,5 millones", "S/ 263,000.00", "€2.5 million", "up to USD 50,000", "entre 100 000
 * y 300 000 euros". A lone amount is taken as the maximum grant; "from/entre ... to/y"
 * gives both ends; "al menos/at least/mínimo" a minimum. Text works on folded
 * (lower-case, accent-free) sentences.
 */
final class AmountParser {

	private static final String NUMBER = "(\\d{1,3}(?:[.,\\u00a0 ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)?)";

	private static final String SCALE = "(?:\\s*(millones|millon|millions|million|mil|k|m|mio)(?![\\p{L}]))?";

	private static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("eur", "EUR"), Map.entry("€", "EUR"),
			Map.entry("euros", "EUR"), Map.entry("euro", "EUR"), Map.entry("usd", "USD"), Map.entry("us$", "USD"),
			Map.entry("us $", "USD"), Map.entry("dolares", "USD"), Map.entry("dollars", "USD"),
			Map.entry("dolares americanos", "USD"), Map.entry("pen", "PEN"), Map.entry("s/", "PEN"),
			Map.entry("s/.", "PEN"), Map.entry("soles", "PEN"), Map.entry("gbp", "GBP"), Map.entry("£", "GBP"),
			Map.entry("chf", "CHF"), Map.entry("cad", "CAD"), Map.entry("jpy", "JPY"), Map.entry("krw", "KRW"),
			Map.entry("cop", "COP"));

	private static final String CURRENCY = "(eur|€|euros?|usd|us ?\\$|dolares(?: americanos)?|dollars|pen|s/\\.?|soles|gbp|£|chf|cad|jpy|krw|cop)";

	private static final Pattern BEFORE = Pattern.compile("(?<![\\p{L}])" + CURRENCY + "\\s*" + NUMBER + SCALE);

	private static final Pattern AFTER = Pattern
		.compile(NUMBER + SCALE + "\\s*(?:de\\s+)?" + CURRENCY + "(?![\\p{L}])");

	private static final Pattern RANGE = Pattern.compile("\\b(entre|between|from|desde|de|du|from)\\b");

	private static final Pattern MINIMUM = Pattern
		.compile("\\b(al menos|minimo|minimum|at least|a partir de|no menos de)\\b");

	private AmountParser() {
	}

	/**
	 * "entre 100 000 y 300 000 euros", "from USD 25,000 to 75,000": one currency for both
	 * ends.
	 */
	private static final Pattern SPAN = Pattern.compile("\\b(?:entre|between|from|desde|de|du)\\s+" + CURRENCY + "?\\s*"
			+ NUMBER + SCALE + "\\s*" + CURRENCY + "?\\s+(?:y|and|to|a|hasta|au|-|–)\\s+" + CURRENCY + "?\\s*" + NUMBER
			+ SCALE + "\\s*" + CURRENCY + "?(?![\\p{L}])");

	/** The grant range a sentence states, if it states one in a single currency. */
	static Optional<Amounts> parse(String folded) {
		Matcher span = SPAN.matcher(folded);
		if (span.find()) {
			String currency = null;
			for (int group : new int[] { 1, 4, 5, 8 }) {
				if (span.group(group) != null) {
					String found = currency(span.group(group));
					if (currency != null && !currency.equals(found)) {
						return Optional.empty();
					}
					currency = found;
				}
			}
			BigDecimal low = number(span.group(2), span.group(3));
			BigDecimal high = number(span.group(6), span.group(7));
			if (currency != null && low != null && high != null) {
				return Optional.of(new Amounts(low.min(high), low.max(high), currency));
			}
		}
		List<Found> found = new ArrayList<>();
		collect(BEFORE.matcher(folded), 1, 2, 3, found);
		collect(AFTER.matcher(folded), 3, 1, 2, found);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		found.sort((a, b) -> Integer.compare(a.start(), b.start()));
		String currency = found.get(0).currency();
		if (found.stream().anyMatch(f -> !f.currency().equals(currency))) {
			return Optional.empty();
		}
		if (found.size() >= 2 && RANGE.matcher(folded.substring(0, found.get(0).start())).find()) {
			BigDecimal low = found.get(0).value().min(found.get(1).value());
			BigDecimal high = found.get(0).value().max(found.get(1).value());
			return Optional.of(new Amounts(low, high, currency));
		}
		BigDecimal value = found.get(0).value();
		boolean minimum = MINIMUM.matcher(folded.substring(0, found.get(0).start())).find();
		return Optional.of(minimum ? new Amounts(value, null, currency) : new Amounts(null, value, currency));
	}

	private static String currency(String token) {
		String currency = CURRENCIES.get(token);
		return currency != null ? currency : CURRENCIES.get(token.replace(" ", ""));
	}

	private static void collect(Matcher m, int currencyGroup, int numberGroup, int scaleGroup, List<Found> into) {
		while (m.find()) {
			String currency = currency(m.group(currencyGroup));
			BigDecimal value = number(m.group(numberGroup), m.group(scaleGroup));
			if (currency != null && value != null && into.stream().noneMatch(f -> overlaps(f, m))) {
				into.add(new Found(m.start(), m.end(), value, currency));
			}
		}
	}

	private static boolean overlaps(Found found, Matcher m) {
		return m.start() < found.end() && found.start() < m.end();
	}

	/**
	 * "500.000" and "500,000" are thousands; "1,5" and "2.5" are decimals; with both
	 * marks the last one is the decimal mark ("263,000.00", "1.234,50").
	 */
	static BigDecimal number(String text, String scale) {
		String digits = text.replace("\u00a0", "").replace(" ", "");
		int dot = digits.lastIndexOf('.');
		int comma = digits.lastIndexOf(',');
		String normal;
		if (dot >= 0 && comma >= 0) {
			char decimal = dot > comma ? '.' : ',';
			char thousands = decimal == '.' ? ',' : '.';
			normal = digits.replace(String.valueOf(thousands), "").replace(decimal, '.');
		}
		else if (dot >= 0 || comma >= 0) {
			char mark = dot >= 0 ? '.' : ',';
			String[] parts = digits.split(Pattern.quote(String.valueOf(mark)));
			boolean thousands = parts.length > 2 || (parts.length == 2 && parts[1].length() == 3 && scale == null);
			normal = thousands ? digits.replace(String.valueOf(mark), "") : digits.replace(mark, '.');
		}
		else {
			normal = digits;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(normal);
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (scale != null) {
			value = switch (scale) {
				case "millones", "millon", "millions", "million", "m", "mio" ->
					value.multiply(BigDecimal.valueOf(1_000_000));
				case "mil", "k" -> value.multiply(BigDecimal.valueOf(1_000));
				default -> value;
			};
		}
		return value.stripTrailingZeros();
	}

	private record Found(int start, int end, BigDecimal value, String currency) {
	}

	/** A stated range; either end may be null. */
	record Amounts(BigDecimal min, BigDecimal max, String currency) {
	}

}
