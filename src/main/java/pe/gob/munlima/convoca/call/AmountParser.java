package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads grant amounts with their currency in the ways calls write them: "EUR 500.000",
 * "US$ 1,5 millones", "S/ 263,000.00", "€2.5 million", "up to USD 50,000", "entre 100 000
 * y 300 000 euros", "$ 350.000.000" (pesos, in a Colombian source), "$25'000.000". A lone
 * amount is taken as the maximum grant; "from/entre ... to/y" and "$60,000 - $70,000"
 * give both ends; "al menos/at least/mínimo/award floor" a minimum. A bare "$" means the
 * currency of the source's country, and nothing when that is not known. Text works on
 * folded (lower-case, accent-free) sentences.
 */
final class AmountParser {

	private static final String NUMBER = "(\\d{1,3}(?:[.,\\u00a0 ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)?)";

	private static final String SCALE = "(?:\\s*(millones|millon|millions|million|milhoes|milhao|bilhoes|bilhao|billions|billion|milliards|milliard|mil|k|m|mio)(?![\\p{L}]))?";

	/**
	 * A bare "$": its meaning depends on the source's country, see
	 * {@link #parse(String, String)}.
	 */
	private static final String DOLLAR = "$";

	private static final Pattern RANGE = Pattern.compile("\\b(entre|between|from|desde|de|du|from)\\b");

	private static final Pattern MINIMUM = Pattern.compile(
			"\\b(al menos|minimo|minimum|at least|a partir de|no menos de|award floor|floor|plancher|pelo menos)\\b");

	/** "$25'000.000": Colombian writing marks the millions with an apostrophe. */
	private static final Pattern APOSTROPHE_GROUP = Pattern.compile("(\\d)['’](\\d{3})");

	private static final Pattern LONE_NUMBER = Pattern.compile(NUMBER + SCALE);

	/**
	 * "7.232381237e7": a JSON number that a source's field gives as text. Read as written
	 * ("1e309" would otherwise be cut to "1" or "309"): written out in full when it is an
	 * amount at all, unknown when it is beyond one.
	 */
	private static final Pattern EXPONENT = Pattern.compile("\\d+(?:\\.\\d+)?e[+-]?\\d+");

	/**
	 * More than any call grants in any currency (10^15): a larger number is a typo or an
	 * attack, and is unknown rather than stored.
	 */
	private static final int MAX_DIGITS = 15;

	private final Map<String, String> currencies;

	private final Pattern before;

	private final Pattern after;

	/**
	 * "entre 100 000 y 300 000 euros", "from USD 25,000 to 75,000": one currency for both
	 * ends.
	 */
	private final Pattern span;

	/**
	 * Two amounts joined by a dash or "to" without a leading "from": "$60,000 - $70,000".
	 */
	private final Pattern dashSpan;

	private final Pattern currencyWord;

	/**
	 * @param names the currency names of reading/currencies.yaml; the patterns are
	 * compiled once, here, since a parser serves every call read with one vocabulary
	 */
	AmountParser(CurrencyNames names) {
		this.currencies = names.byName();
		List<String> tokens = new ArrayList<>(names.byName().keySet());
		tokens.add(DOLLAR);
		String currency = DateReader.alternatives(tokens);
		this.before = Pattern.compile("(?<![\\p{L}])" + currency + "\\s*" + NUMBER + SCALE);
		this.after = Pattern.compile(NUMBER + SCALE + "\\s*(?:de\\s+)?" + currency + "(?![\\p{L}])");
		this.span = Pattern.compile("\\b(?:entre|between|from|desde|de|du)\\s+" + currency + "?\\s*" + NUMBER + SCALE
				+ "\\s*" + currency + "?\\s+(?:y|and|to|a|hasta|au|-|–)\\s+" + currency + "?\\s*" + NUMBER + SCALE
				+ "\\s*" + currency + "?(?![\\p{L}])");
		this.dashSpan = Pattern.compile(currency + "?\\s*" + NUMBER + SCALE + "\\s*" + currency + "?\\s*(?:-|–|to)\\s*"
				+ currency + "?\\s*" + NUMBER + SCALE + "\\s*" + currency + "?(?![\\p{L}])");
		this.currencyWord = Pattern.compile("(?<![\\p{L}])" + currency + "(?![\\p{L}])");
	}

	/**
	 * The grant range a sentence states, if it states one in a single currency; a bare
	 * "$" is not read.
	 */
	Optional<Amounts> parse(String folded) {
		return parse(folded, null);
	}

	/**
	 * @param dollar what a bare "$" means for this source (USD, COP ...), or null when it
	 * cannot be told: then amounts in "$" alone are not read
	 */
	Optional<Amounts> parse(String folded, String dollar) {
		String text = plain(APOSTROPHE_GROUP.matcher(folded).replaceAll("$1.$2"));
		Optional<Amounts> span = span(this.span.matcher(text), dollar);
		if (span.isEmpty()) {
			span = span(this.dashSpan.matcher(text), dollar);
		}
		if (span.isPresent()) {
			return span;
		}
		List<Found> found = new ArrayList<>();
		collect(this.before.matcher(text), 1, 2, 3, dollar, found);
		collect(this.after.matcher(text), 3, 1, 2, dollar, found);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		found.sort((a, b) -> Integer.compare(a.start(), b.start()));
		String currency = found.get(0).currency();
		if (found.stream().anyMatch(f -> !f.currency().equals(currency))) {
			return Optional.empty();
		}
		if (found.size() >= 2 && RANGE.matcher(text.substring(0, found.get(0).start())).find()) {
			BigDecimal low = found.get(0).value().min(found.get(1).value());
			BigDecimal high = found.get(0).value().max(found.get(1).value());
			return Optional.of(new Amounts(low, high, currency));
		}
		BigDecimal value = found.get(0).value();
		boolean minimum = MINIMUM.matcher(text.substring(0, found.get(0).start())).find();
		return Optional.of(minimum ? new Amounts(value, null, currency) : new Amounts(null, value, currency));
	}

	private Optional<Amounts> span(Matcher span, String dollar) {
		if (!span.find()) {
			return Optional.empty();
		}
		String currency = null;
		for (int group : new int[] { 1, 4, 5, 8 }) {
			if (span.group(group) != null) {
				String found = currency(span.group(group), dollar);
				if (found == null || (currency != null && !currency.equals(found))) {
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
		return Optional.empty();
	}

	private String currency(String token, String dollar) {
		return DOLLAR.equals(token) ? dollar : this.currencies.get(token);
	}

	/**
	 * A number a source gives in a field of its own ("125000", "1,500,000.00", "$
	 * 350.000.000", "none"); null when it is not a positive amount: a ceiling of 0 means
	 * "not stated".
	 */
	static BigDecimal amount(String value) {
		if (value == null) {
			return null;
		}
		Matcher number = LONE_NUMBER
			.matcher(plain(APOSTROPHE_GROUP.matcher(TextFolding.fold(value)).replaceAll("$1.$2")));
		if (!number.find()) {
			return null;
		}
		BigDecimal amount = number(number.group(1), number.group(2));
		return amount == null || amount.signum() <= 0 ? null : amount;
	}

	/**
	 * The currency a structured value writes ("EUR", "$ 350.000.000" in Colombia ...).
	 */
	String currencyIn(String value, String dollar) {
		Matcher m = this.currencyWord.matcher(TextFolding.fold(value));
		return m.find() ? currency(m.group(1), dollar) : null;
	}

	private void collect(Matcher m, int currencyGroup, int numberGroup, int scaleGroup, String dollar,
			List<Found> into) {
		while (m.find()) {
			String currency = currency(m.group(currencyGroup), dollar);
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
	 * Numbers in exponent notation written out ("7.5e6" as "7500000", at most two
	 * decimals so that they never read as thousands), or "?" when too large to be an
	 * amount.
	 */
	private static String plain(String text) {
		return EXPONENT.matcher(text).replaceAll(found -> {
			try {
				BigDecimal value = new BigDecimal(found.group());
				return value.precision() - value.scale() > MAX_DIGITS ? "?"
						: value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
			}
			catch (NumberFormatException | ArithmeticException ex) {
				return "?";
			}
		});
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
				case "millones", "millon", "millions", "million", "milhoes", "milhao", "m", "mio" ->
					value.multiply(BigDecimal.valueOf(1_000_000));
				case "mil", "mille", "thousand", "k" -> value.multiply(BigDecimal.valueOf(1_000));
				case "bilhoes", "bilhao", "billions", "billion", "milliards", "milliard" ->
					value.multiply(BigDecimal.valueOf(1_000_000_000));
				default -> value;
			};
		}
		if (value.precision() - value.scale() > MAX_DIGITS) {
			return null;
		}
		return value.stripTrailingZeros();
	}

	private record Found(int start, int end, BigDecimal value, String currency) {
	}

	/** A stated range; either end may be null. */
	record Amounts(BigDecimal min, BigDecimal max, String currency) {
	}

}
