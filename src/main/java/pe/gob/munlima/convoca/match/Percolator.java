package pe.gob.munlima.convoca.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.ThemeThesaurus;

import org.springframework.stereotype.Component;

/**
 * Candidate selection by percolation, the job Lucene's monitor module does: each
 * project's (or gerencia's) themes become a stored query over every term of those themes
 * in the four languages, and a call held in a one-document {@link MemoryIndex} is run
 * against them. Only candidates go to the rules, so the rules never judge a culture
 * project against every mobility call.
 */
@Component
class Percolator {

	private static final String TEXT = "text";

	/**
	 * Lower case and no accents, so "Movilidad" in a query finds "movilidad" and
	 * "mobilité" finds "mobilite".
	 */
	private final Analyzer analyzer = new Analyzer() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(source));
			return new TokenStreamComponents(source, folded);
		}
	};

	private final ThemeThesaurus thesaurus;

	/**
	 * One query per theme, built once: a profile's stored query is the union of its
	 * themes'.
	 */
	private final java.util.Map<String, Query> themeQueries;

	Percolator(ThemeThesaurus thesaurus) {
		this.thesaurus = thesaurus;
		java.util.Map<String, Query> queries = new java.util.TreeMap<>();
		for (String theme : thesaurus.themes()) {
			queries.put(theme, queryFor(java.util.List.of(theme)));
		}
		this.themeQueries = java.util.Map.copyOf(queries);
	}

	/**
	 * Scores a call against every theme once. A profile's stored query is a disjunction
	 * of its themes' queries, so its score is the sum of those themes' scores: checking
	 * the themes (about twenty) instead of every profile (a thousand) is the presearcher
	 * trick of Lucene's monitor module.
	 */
	java.util.Map<String, Float> themeScores(Document document) {
		java.util.Map<String, Float> scores = new java.util.HashMap<>();
		this.themeQueries.forEach((theme, query) -> {
			float score = document.score(query);
			if (score > 0) {
				scores.put(theme, score);
			}
		});
		return scores;
	}

	/** The score of a profile with these themes, from the call's theme scores. */
	static float score(java.util.Map<String, Float> themeScores, java.util.Collection<String> themes) {
		float total = 0f;
		for (String theme : themes) {
			total += themeScores.getOrDefault(theme, 0f);
		}
		return total;
	}

	/**
	 * The stored query of a profile: any term of any of its themes, as words or phrases.
	 */
	Query queryFor(Collection<String> themes) {
		QueryBuilder builder = new QueryBuilder(this.analyzer);
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		int clauses = 0;
		for (String theme : themes) {
			for (String term : this.thesaurus.termsOf(theme)) {
				Query phrase = builder.createPhraseQuery(TEXT, term);
				if (phrase != null) {
					query.add(phrase, BooleanClause.Occur.SHOULD);
					clauses++;
				}
			}
		}
		return clauses == 0 ? new MatchNoDocsQuery() : query.build();
	}

	/** Holds one call in memory, ready to be scored against many stored queries. */
	Document index(CallView call) {
		MemoryIndex memory = new MemoryIndex();
		memory.addField(TEXT, call.title() + "\n" + call.summaryText(), this.analyzer);
		return new Document(memory);
	}

	/** A call in a {@link MemoryIndex}; not thread-safe, one per matching run. */
	static final class Document {

		private final MemoryIndex memory;

		private Document(MemoryIndex memory) {
			this.memory = memory;
		}

		/** Relevance of the call to a stored query; 0 means not a candidate. */
		float score(Query query) {
			return this.memory.search(query);
		}

	}

}
