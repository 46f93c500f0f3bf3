package pe.gob.munlima.convoca.call;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes numbers stated in words as digits, so the money, population and duration readers
 * see "diez millones de yenes" as "10000000 de yenes" and "seiscentos e sessenta mil
 * reais" as "660000 reais". The words are data (reading/vocabulary.yaml, numberWords);
 * the composition is the one the four languages share: units and tens add up, "cien/cent/
 * hundred" multiplies what precedes it, "mil/mille/thousand" and "millón/million/milhão"
 * close a group.
 */
final class NumberWords {

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}]+|\\d+");

	/** Words joining the parts of one number ("sessenta e cinco", "vingt-et-un"). */
	private static final Pattern JOINER = Pattern.compile("\\s+(?:y|e|et|and)\\s+|\\s*-\\s*|\\s+");

	/** "pour cent", "por ciento": a percentage, not the number 100. */
	private static final Pattern PERCENT_BEFORE = Pattern.compile("(?:pour|por|per)\\s*$");

	private static final long HUNDRED = 100;

	private static final long THOUSAND = 1000;

	private NumberWords() {
	}

	static String digits(String folded, Map<String, Long> words) {
		if (words.isEmpty()) {
			return folded;
		}
		StringBuilder out = new StringBuilder();
		Matcher token = TOKEN.matcher(folded);
		int copied = 0;
		while (token.find()) {
			if (!startsNumber(token.group(), words) || PERCENT_BEFORE.matcher(folded.substring(0, token.start())).find()
					|| partOfWrittenNumber(folded, token.start(), token.end())) {
				continue;
			}
			int start = token.start();
			int end = token.end();
			boolean spelled = !Character.isDigit(token.group().charAt(0));
			Matcher next = TOKEN.matcher(folded);
			int cursor = end;
			while (next.find(cursor)) {
				String gap = folded.substring(cursor, next.start());
				boolean digits = next.group().chars().allMatch(Character::isDigit) && next.group().length() <= 3;
				if (!JOINER.matcher(gap).matches() || !(words.containsKey(next.group()) || digits)
						|| partOfWrittenNumber(folded, next.start(), next.end())) {
					break;
				}
				end = next.end();
				cursor = end;
				spelled = true;
			}
			Long value = spelled ? value(folded.substring(start, end), words) : null;
			if (value == null) {
				continue;
			}
			out.append(folded, copied, start).append(value);
			copied = end;
			token.region(end, folded.length());
		}
		out.append(folded.substring(copied));
		return out.toString();
	}

	/** "2,5 millones" and "1.500" are read by the amount parser, not here. */
	private static boolean partOfWrittenNumber(String text, int start, int end) {
		boolean markBefore = start > 0 && (text.charAt(start - 1) == '.' || text.charAt(start - 1) == ',');
		boolean markAfter = end + 1 < text.length() && (text.charAt(end) == '.' || text.charAt(end) == ',')
				&& Character.isDigit(text.charAt(end + 1));
		return markBefore || markAfter;
	}

	/**
	 * A number starts with a unit, a ten, a hundred or digits; "millones" alone is a
	 * scale.
	 */
	private static boolean startsNumber(String token, Map<String, Long> words) {
		Long value = words.get(token);
		return value != null && value < THOUSAND || token.chars().allMatch(Character::isDigit) && token.length() <= 4;
	}

	/** The value of a run of number words, or null when it is a lone article ("un"). */
	private static Long value(String run, Map<String, Long> words) {
		long total = 0;
		long group = 0;
		int parts = 0;
		Matcher token = TOKEN.matcher(run);
		while (token.find()) {
			String word = token.group();
			Long value = Character.isDigit(word.charAt(0)) ? Long.valueOf(word) : words.get(word);
			if (value == null) {
				continue;
			}
			parts++;
			if (value == HUNDRED) {
				group = (group == 0 ? 1 : group) * HUNDRED;
			}
			else if (value >= THOUSAND) {
				total += (group == 0 ? 1 : group) * value;
				group = 0;
			}
			else {
				group += value;
			}
		}
		// A lone "un" or "one" is an article more often than a number.
		return parts == 0 || (parts == 1 && total == 0 && group <= 1) ? null : total + group;
	}

}
