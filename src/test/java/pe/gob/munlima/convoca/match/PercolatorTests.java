package pe.gob.munlima.convoca.match;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.ThemeThesaurus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The presearch (a theme is run only when one of its words or phrases has all its terms
 * in the call) never drops a theme the full query matches, and the scores are exactly
 * those of running every theme query on its own memory index, as matching did before.
 */
class PercolatorTests {

	private final ThemeThesaurus thesaurus = ThemeThesaurus.load(Path.of("reading", "vocabulary.yaml"));

	private final Percolator percolator = new Percolator(this.thesaurus);

	@Test
	void scoresEveryThemeExactlyAsTheFullQueries() {
		Random random = new Random(7);
		List<String> themes = new ArrayList<>(this.thesaurus.themes());
		List<String> texts = new ArrayList<>();
		texts.add("");
		texts.add("Convocatoria sin temática reconocible para gobiernos locales.");
		texts.add("Movilidad urbana sostenible, mobilité urbaine et mobilidade urbana; transporte público.");
		for (int i = 0; i < 300; i++) {
			StringBuilder text = new StringBuilder("Call ").append(i).append(": ");
			for (int n = 0; n < 1 + random.nextInt(3); n++) {
				List<String> terms = this.thesaurus.termsOf(themes.get(random.nextInt(themes.size())));
				String term = terms.get(random.nextInt(terms.size()));
				// Half the time only the first word of a phrase: the presearch must not
				// take it for the phrase, nor miss a one-word term.
				text.append(random.nextBoolean() ? term : term.split(" ")[0]).append(". ");
			}
			texts.add(text.append(random.nextBoolean() ? "Accents: Perú, género, économie." : "").toString());
		}
		int matched = 0;
		long id = 0;
		for (String text : texts) {
			Map<String, Float> scores = this.percolator.scoresByTheme(call(++id, text));
			Map<String, Float> expected = fullQueries(text);
			assertThat(scores).as(text).isEqualTo(expected);
			matched += expected.size();
		}
		assertThat(matched).as("themes matched over all texts").isGreaterThan(texts.size());
	}

	/** Every theme query against its own memory index, as MemoryIndex#search does. */
	private Map<String, Float> fullQueries(String text) {
		Analyzer analyzer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
			}
		};
		MemoryIndex memory = new MemoryIndex();
		memory.addField("text", "title\n" + text, analyzer);
		Map<String, Float> scores = new HashMap<>();
		for (String theme : this.thesaurus.themes()) {
			float score = memory.search(this.percolator.queryFor(List.of(theme)));
			if (score > 0) {
				scores.put(theme, score);
			}
		}
		return scores;
	}

	@Test
	void aCallPercolatedBeforeKeepsItsScoresUntilItsTextChanges() {
		String mobility = "Movilidad urbana y transporte público para gobiernos locales.";
		Map<String, Float> first = this.percolator.scoresByTheme(call(1, mobility));
		assertThat(first).containsKey("mobility");
		assertThat(this.percolator.themeScores(call(1, mobility))).as("the same scores, from memory")
			.isSameAs(this.percolator.themeScores(call(1, mobility)));

		Map<String, Float> changed = this.percolator.scoresByTheme(call(1, "Patrimonio cultural y museos."));
		assertThat(changed).doesNotContainKey("mobility").isEqualTo(fullQueries("Patrimonio cultural y museos."));

		float[] before = this.percolator.themeScores(call(2, mobility));
		this.percolator.forget(2);
		assertThat(this.percolator.themeScores(call(2, mobility))).isNotSameAs(before).isEqualTo(before);
	}

	private static CallView call(long id, String text) {
		return new CallView(id, "test", "t1", "https://example.org/1", "Funder", "title", text, text, "es", null, null,
				null, "UTC", "OPEN", null, null, Map.of(), null, null, null, null, null, null, List.of(), List.of());
	}

}
