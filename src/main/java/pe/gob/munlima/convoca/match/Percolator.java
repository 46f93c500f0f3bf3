package pe.gob.munlima.convoca.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
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

	/**
	 * For each theme, the terms each of its clauses needs: a clause (a word or a phrase)
	 * matches only a call that contains all of its terms.
	 */
	private final java.util.Map<String, List<Set<Term>>> themeClauseTerms;

	Percolator(ThemeThesaurus thesaurus) {
		this.thesaurus = thesaurus;
		java.util.Map<String, Query> queries = new java.util.TreeMap<>();
		java.util.Map<String, List<Set<Term>>> clauseTerms = new java.util.HashMap<>();
		for (String theme : thesaurus.themes()) {
			Query query = queryFor(List.of(theme));
			queries.put(theme, query);
			clauseTerms.put(theme, clauseTerms(query));
		}
		this.themeQueries = java.util.Map.copyOf(queries);
		this.themeClauseTerms = java.util.Map.copyOf(clauseTerms);
	}

	private static List<Set<Term>> clauseTerms(Query query) {
		List<Set<Term>> clauses = new ArrayList<>();
		if (query instanceof BooleanQuery bool) {
			for (BooleanClause clause : bool.clauses()) {
				Set<Term> terms = new HashSet<>();
				clause.getQuery().visit(QueryVisitor.termCollector(terms));
				clauses.add(Set.copyOf(terms));
			}
		}
		return List.copyOf(clauses);
	}

	/**
	 * Scores a call against every theme once. A profile's stored query is a disjunction
	 * of its themes' queries, so its score is the sum of those themes' scores: checking
	 * the themes (about twenty) instead of every profile (a thousand) is the presearcher
	 * trick of Lucene's monitor module. As in the monitor, a theme none of whose clauses
	 * has all its terms in the call cannot match and is not run at all; the others are
	 * scored by Lucene, so the scores are exactly those of the full queries.
	 */
	java.util.Map<String, Float> themeScores(Document document) {
		java.util.Map<String, Float> scores = new java.util.HashMap<>();
		this.themeQueries.forEach((theme, query) -> {
			if (document.mayMatch(this.themeClauseTerms.get(theme))) {
				float score = document.score(query);
				if (score > 0) {
					scores.put(theme, score);
				}
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

	/**
	 * A call in a {@link MemoryIndex}, with one searcher for all the stored queries run
	 * against it; not thread-safe, one per matching run.
	 */
	static final class Document {

		private final IndexSearcher searcher;

		/** The call's terms; null when the text has none. */
		private final TermsEnum terms;

		/** Whether the call contains a term, looked up once per term. */
		private final java.util.Map<Term, Boolean> seen = new java.util.HashMap<>();

		private Document(MemoryIndex memory) {
			this.searcher = memory.createSearcher();
			try {
				Terms indexed = this.searcher.getIndexReader().leaves().get(0).reader().terms(TEXT);
				this.terms = indexed == null ? null : indexed.iterator();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Whether some clause has all its terms in the call: false means no match. */
		boolean mayMatch(List<Set<Term>> clauses) {
			for (Set<Term> clause : clauses) {
				if (containsAll(clause)) {
					return true;
				}
			}
			return false;
		}

		private boolean containsAll(Set<Term> clause) {
			for (Term term : clause) {
				if (!this.seen.computeIfAbsent(term, this::contains)) {
					return false;
				}
			}
			return true;
		}

		private boolean contains(Term term) {
			try {
				return this.terms != null && this.terms.seekExact(term.bytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Relevance of the call to a stored query; 0 means not a candidate. The same
		 * complete scoring as {@link MemoryIndex#search}, without a searcher per query.
		 */
		float score(Query query) {
			try {
				return this.searcher.search(query, new SingleScore());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** The score of the one document of a memory index, or 0 when it does not match. */
	private static final class SingleScore implements CollectorManager<SimpleCollector, Float> {

		private final float[] score = new float[1];

		@Override
		public SimpleCollector newCollector() {
			return new SimpleCollector() {

				private Scorable scorer;

				@Override
				public void setScorer(Scorable scorer) {
					this.scorer = scorer;
				}

				@Override
				public void collect(int doc) throws IOException {
					SingleScore.this.score[0] = this.scorer.score();
				}

				@Override
				public ScoreMode scoreMode() {
					return ScoreMode.COMPLETE;
				}

			};
		}

		@Override
		public Float reduce(java.util.Collection<SimpleCollector> collectors) {
			return this.score[0];
		}

	}

}
