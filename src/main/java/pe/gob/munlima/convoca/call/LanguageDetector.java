package pe.gob.munlima.convoca.call;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells the language of a call's text among the four Convoca serves (es, en, fr, pt) with
 * OpenNLP and its published language model (opennlp-models-langdetect: 103 languages,
 * 10.5 MB) cut to those four ({@link #MODEL}, 0.45 MB, the same answers). It replaced
 * Lingua, which was as accurate on the corpus but brought 105 MB of models, Kotlin and
 * fastutil into the jar: {@code LanguageDetectorComparison} in the test tree measures
 * both on the same texts (docs/performance.md, "Issue 15: footprint"). The model is read
 * on the first detection, not at start-up, and shared by every instance. The first
 * {@value #SAMPLE} characters decide: a longer text costs time and says nothing more. A
 * text the model cannot tell apart (too short, a code such as "HORIZON-CL5-2027-07", two
 * of the four almost equally likely) stays unknown (null), never guessed.
 */
final class LanguageDetector {

	/**
	 * OpenNLP's langdetect-183 cut to the four languages by {@code LanguageModelPruning}
	 * (test tree): the same answers as the published model, a fraction of its 10.5 MB.
	 */
	static final String MODEL = "/pe/gob/munlima/convoca/call/langdetect-183-es-en-fr-pt.bin";

	/** Characters of a text that are read; enough for a sure answer on any summary. */
	static final int SAMPLE = 600;

	/** Fewer letters than this and the answer would be a guess. */
	private static final int MIN_LETTERS = 12;

	/**
	 * How much more likely, as a share of the four languages' probability, the best must
	 * be than the second; closer than this is a guess (two Romance languages, a label of
	 * three words). Chosen on the comparison's texts: at 0.04 OpenNLP is right as often
	 * as Lingua was and wrong about as rarely (94.3 % right, 2.6 % wrong; Lingua 94.0 %,
	 * 2.3 %); 0.1 leaves four times as many texts unknown for eight fewer wrong.
	 */
	static final double MIN_MARGIN = 0.04;

	private final double minMargin;

	/** Another model than the shipped one, or null for the shipped one (read lazily). */
	private final LanguageDetectorModel model;

	LanguageDetector() {
		this(null, MIN_MARGIN);
	}

	/**
	 * With another model or margin: for the comparison that chose {@link #MIN_MARGIN} and
	 * the test that holds the shipped model to the published one.
	 */
	LanguageDetector(LanguageDetectorModel model, double minMargin) {
		this.model = model;
		this.minMargin = minMargin;
	}

	/** The model's ISO 639-3 codes of the four languages. */
	private static final Map<String, String> CODES = Map.of("spa", "es", "eng", "en", "fra", "fr", "por", "pt");

	/** Names a source may declare its language with, folded. */
	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("es", "es"), Map.entry("en", "en"),
			Map.entry("fr", "fr"), Map.entry("pt", "pt"), Map.entry("spa", "es"), Map.entry("eng", "en"),
			Map.entry("fra", "fr"), Map.entry("fre", "fr"), Map.entry("por", "pt"), Map.entry("spanish", "es"),
			Map.entry("english", "en"), Map.entry("french", "fr"), Map.entry("portuguese", "pt"),
			Map.entry("espanol", "es"), Map.entry("ingles", "en"), Map.entry("frances", "fr"),
			Map.entry("portugues", "pt"), Map.entry("castellano", "es"), Map.entry("francais", "fr"),
			Map.entry("anglais", "en"), Map.entry("espagnol", "es"), Map.entry("portugais", "pt"));

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
		// A detector per call: LanguageDetectorME keeps no state worth sharing, and the
		// model it reads is immutable, so concurrent normalisers need no lock.
		Language[] ranked = new LanguageDetectorME((this.model != null) ? this.model : Model.INSTANCE)
			.predictLanguages(sample);
		String best = null;
		double bestScore = 0;
		double secondScore = 0;
		double total = 0;
		for (Language language : ranked) {
			String code = CODES.get(language.getLang());
			if (code == null) {
				continue;
			}
			double score = language.getConfidence();
			total += score;
			if (score > bestScore) {
				secondScore = bestScore;
				bestScore = score;
				best = code;
			}
			else if (score > secondScore) {
				secondScore = score;
			}
		}
		if (best == null || total <= 0 || (bestScore - secondScore) / total < this.minMargin) {
			return null;
		}
		return best;
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

	/**
	 * The model, read once on first use (the JVM's lazy, thread-safe class
	 * initialisation).
	 */
	private static final class Model {

		static final LanguageDetectorModel INSTANCE = load();

		private static LanguageDetectorModel load() {
			try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL)) {
				if (in == null) {
					throw new IllegalStateException("OpenNLP language model missing from the classpath: " + MODEL);
				}
				return new LanguageDetectorModel(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
