package pe.gob.munlima.convoca.call;

import java.util.Locale;
import java.util.Map;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Tells the language of a call's text among the four Convoca serves (es, en, fr, pt) with
 * Lingua, restricted to those four. Lingua's low-accuracy mode loads only its trigram
 * models (a few MB, loaded on the first call, not at start-up) and is accurate on the
 * paragraphs calls have; its high-accuracy mode costs about 100 MB of heap for a gain on
 * very short texts only. The first {@value #SAMPLE} characters decide: a longer text
 * costs time and says nothing more. A text Lingua cannot tell apart (too short, a code
 * such as "HORIZON-CL5-2027-07") stays unknown (null), never guessed.
 */
final class LanguageDetector {

	/** Characters of a text that are read; enough for a sure answer on any summary. */
	static final int SAMPLE = 600;

	/** Fewer letters than this and the answer would be a guess. */
	private static final int MIN_LETTERS = 12;

	private static final Map<Language, String> CODES = Map.of(Language.SPANISH, "es", Language.ENGLISH, "en",
			Language.FRENCH, "fr", Language.PORTUGUESE, "pt");

	/** Names a source may declare its language with, folded. */
	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("es", "es"), Map.entry("en", "en"),
			Map.entry("fr", "fr"), Map.entry("pt", "pt"), Map.entry("spa", "es"), Map.entry("eng", "en"),
			Map.entry("fra", "fr"), Map.entry("fre", "fr"), Map.entry("por", "pt"), Map.entry("spanish", "es"),
			Map.entry("english", "en"), Map.entry("french", "fr"), Map.entry("portuguese", "pt"),
			Map.entry("espanol", "es"), Map.entry("ingles", "en"), Map.entry("frances", "fr"),
			Map.entry("portugues", "pt"), Map.entry("castellano", "es"), Map.entry("francais", "fr"),
			Map.entry("anglais", "en"), Map.entry("espagnol", "es"), Map.entry("portugais", "pt"));

	private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

	LanguageDetector() {
		// The builder loads nothing; models are read on the first detection.
		this.lingua = LanguageDetectorBuilder
			.fromLanguages(Language.SPANISH, Language.ENGLISH, Language.FRENCH, Language.PORTUGUESE)
			.withLowAccuracyMode()
			.withMinimumRelativeDistance(0.05)
			.build();
	}

	/** es, en, fr or pt, or null when the text does not tell. */
	String detect(String text) {
		if (text == null) {
			return null;
		}
		String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
		long letters = sample.codePoints().filter(Character::isLetter).count();
		if (letters < MIN_LETTERS) {
			return null;
		}
		return CODES.get(this.lingua.detectLanguageOf(sample));
	}

	/**
	 * A language as a source declares it ("es", "es-PE", "Spanish", "español"), or null
	 * when it is none of the four: then the text is read instead.
	 */
	static String declared(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String folded = TextFolding.fold(value);
		String code = NAMES.get(folded);
		if (code == null && folded.length() > 2 && (folded.charAt(2) == '-' || folded.charAt(2) == '_')) {
			code = NAMES.get(folded.substring(0, 2));
		}
		return code == null ? null : code.toLowerCase(Locale.ROOT);
	}

}
