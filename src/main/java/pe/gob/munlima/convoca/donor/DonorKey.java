package pe.gob.munlima.convoca.donor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key of a donor: its name without case, accents or punctuation, so "AECID", "aecid"
 * and "AECID." are one donor and the key can stand in a link ({@code /donantes/aecid}).
 */
final class DonorKey {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]+");

	private DonorKey() {
	}

	static String of(String funder) {
		String folded = MARKS.matcher(Normalizer.normalize(funder, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
		String key = NOT_KEY.matcher(folded).replaceAll("-");
		int start = 0;
		int end = key.length();
		while (start < end && key.charAt(start) == '-') {
			start++;
		}
		while (end > start && key.charAt(end - 1) == '-') {
			end--;
		}
		return key.substring(start, end);
	}

}
