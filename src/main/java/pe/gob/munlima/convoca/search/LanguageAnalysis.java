package pe.gob.munlima.convoca.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analysis chains of the index, one per language Convoca reads plus a neutral one.
 * <p>
 * Every chain folds accents, so "préstamo", "prestamo" and "PRÉSTAMO" are one term:
 * people type Spanish without accents on many keyboards. Stop words are removed after
 * folding, with Lucene's lists folded too ("más" and "mas" are both dropped). Stemming is
 * light (plural and gender endings) rather than aggressive Snowball, so "ciclovías" meets
 * "ciclovía" without "municipal" meeting "municipio".
 */
final class LanguageAnalysis {

	/**
	 * Languages with their own field; a call in any other language goes to all of them.
	 */
	static final List<String> LANGUAGES = List.of("es", "en", "fr", "pt");

	private LanguageAnalysis() {
	}

	/** The analyzer for every field of the index, chosen by field name. */
	static Analyzer perField() {
		Map<String, Analyzer> byField = new HashMap<>();
		for (String language : LANGUAGES) {
			byField.put(CallFields.text(language), forLanguage(language));
		}
		return new PerFieldAnalyzerWrapper(neutral(), byField);
	}

	static Analyzer forLanguage(String language) {
		return switch (language) {
			case "es" -> new FoldingAnalyzer(folded(SpanishAnalyzer.getDefaultStopSet()), SpanishLightStemFilter::new);
			case "en" -> new FoldingAnalyzer(folded(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
					in -> new PorterStemFilter(new EnglishPossessiveFilter(in)));
			// Elision first: "l'eau" is "eau", "d'appel" is "appel".
			case "fr" -> new FoldingAnalyzer(folded(FrenchAnalyzer.getDefaultStopSet()), FrenchLightStemFilter::new,
					in -> new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES));
			case "pt" ->
				new FoldingAnalyzer(folded(PortugueseAnalyzer.getDefaultStopSet()), PortugueseLightStemFilter::new);
			default -> throw new IllegalArgumentException("no analysis for language " + language);
		};
	}

	/**
	 * Lower case and accent folding, no stems: names of funders, programme acronyms and
	 * words of a language we do not stem still match exactly. The stop words of all four
	 * languages are dropped, or "movilidad para ciudades" would demand "para" of every
	 * English call.
	 */
	static Analyzer neutral() {
		CharArraySet all = new CharArraySet(1024, false);
		all.addAll(SpanishAnalyzer.getDefaultStopSet());
		all.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		all.addAll(FrenchAnalyzer.getDefaultStopSet());
		all.addAll(PortugueseAnalyzer.getDefaultStopSet());
		return new FoldingAnalyzer(folded(all), UnaryOperator.identity());
	}

	/**
	 * The words of a stop list as the folding filter leaves them, accented forms kept.
	 */
	private static CharArraySet folded(CharArraySet words) {
		CharArraySet folded = new CharArraySet(words.size() * 2, false);
		for (Object word : words) {
			char[] chars = (char[]) word;
			char[] out = new char[chars.length * 4];
			int length = ASCIIFoldingFilter.foldToASCII(chars, 0, out, 0, chars.length);
			folded.add(chars);
			folded.add(new String(out, 0, length));
		}
		return CharArraySet.unmodifiableSet(folded);
	}

	/** The language field a call's text goes to; unknown languages go to all four. */
	static List<String> languagesOf(String language) {
		if (language == null) {
			return LANGUAGES;
		}
		String code = language.toLowerCase(Locale.ROOT);
		return LANGUAGES.contains(code) ? List.of(code) : LANGUAGES;
	}

	/** StandardTokenizer, lower case, [elision], ASCII folding, stop words, stemming. */
	private static final class FoldingAnalyzer extends Analyzer {

		private final CharArraySet stopWords;

		private final UnaryOperator<TokenStream> stemmer;

		private final UnaryOperator<TokenStream> beforeFolding;

		FoldingAnalyzer(CharArraySet stopWords, UnaryOperator<TokenStream> stemmer) {
			this(stopWords, stemmer, UnaryOperator.identity());
		}

		FoldingAnalyzer(CharArraySet stopWords, UnaryOperator<TokenStream> stemmer,
				UnaryOperator<TokenStream> beforeFolding) {
			this.stopWords = stopWords;
			this.stemmer = stemmer;
			this.beforeFolding = beforeFolding;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream stream = new ASCIIFoldingFilter(this.beforeFolding.apply(new LowerCaseFilter(source)));
			stream = this.stemmer.apply(new StopFilter(stream, this.stopWords));
			return new TokenStreamComponents(source, stream);
		}

		/** What wildcard and prefix queries see: folded like the index, never stemmed. */
		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new ASCIIFoldingFilter(new LowerCaseFilter(in));
		}

	}

}
