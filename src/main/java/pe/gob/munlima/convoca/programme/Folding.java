package pe.gob.munlima.convoca.programme;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Lower case without accents, so "Edición" and "edicion" compare equal. */
final class Folding {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private Folding() {
	}

	static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
	}

}
