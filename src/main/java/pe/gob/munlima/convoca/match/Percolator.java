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
import org.apache.lucene.util.BytesRef;
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

	/** The themes, in a fixed order: index i of the arrays below is theme i. */
	private final List<String> themes;

	/**
	 * One query per theme, built once: a profile's stored query is the union of its
	 * themes'.
	 */
	private final List<Query> themeQueries;

	private final Presearch presearch;

	Percolator(ThemeThesaurus thesaurus) {
		this.thesaurus = thesaurus;
		this.themes = List.copyOf(new java.util.TreeSet<>(thesaurus.themes()));
		List<Query> queries = new ArrayList<>();
		for (String theme : this.themes) {
			queries.add(queryFor(List.of(theme)));
		}
		this.themeQueries = List.copyOf(queries);
		this.presearch = new Presearch(this.themeQueries);
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
		boolean[] candidates = this.presearch.themesThatMayMatch(document.terms);
		java.util.Map<String, Float> scores = new java.util.HashMap<>();
		for (int theme = 0; theme < candidates.length; theme++) {
			if (candidates[theme]) {
				float score = document.score(this.themeQueries.get(theme));
				if (score > 0) {
					scores.put(this.themes.get(theme), score);
				}
			}
		}
		return scores;
	}

	/**
	 * Which themes a call may match, from the terms it contains: a clause of a theme
	 * query (a word or a phrase) matches only a call that has every term of the clause.
	 * Built once, then looked up with each term of a call, like the term-filtering
	 * presearcher of Lucene's monitor.
	 */
	private static final class Presearch {

		/** A term to the clauses that need it (indexes into the arrays below). */
		private final java.util.Map<BytesRef, int[]> clausesOfTerm = new java.util.HashMap<>();

		private final int[] clauseSize;

		private final int[] clauseTheme;

		/** Themes with a clause whose terms are unknown: always run. */
		private final boolean[] alwaysRun;

		Presearch(List<Query> themeQueries) {
			List<Set<Term>> clauses = new ArrayList<>();
			List<Integer> owners = new ArrayList<>();
			this.alwaysRun = new boolean[themeQueries.size()];
			for (int theme = 0; theme < themeQueries.size(); theme++) {
				if (themeQueries.get(theme) instanceof BooleanQuery bool) {
					for (BooleanClause clause : bool.clauses()) {
						Set<Term> terms = new HashSet<>();
						clause.getQuery().visit(QueryVisitor.termCollector(terms));
						if (terms.isEmpty()) {
							this.alwaysRun[theme] = true;
						}
						clauses.add(terms);
						owners.add(theme);
					}
				}
			}
			this.clauseSize = new int[clauses.size()];
			this.clauseTheme = new int[clauses.size()];
			java.util.Map<BytesRef, List<Integer>> byTerm = new java.util.HashMap<>();
			for (int clause = 0; clause < clauses.size(); clause++) {
				this.clauseSize[clause] = clauses.get(clause).size();
				this.clauseTheme[clause] = owners.get(clause);
				for (Term term : clauses.get(clause)) {
					byTerm.computeIfAbsent(BytesRef.deepCopyOf(term.bytes()), t -> new ArrayList<>()).add(clause);
				}
			}
			byTerm.forEach((term, clauseIds) -> this.clausesOfTerm.put(term,
					clauseIds.stream().mapToInt(Integer::intValue).toArray()));
		}

		boolean[] themesThatMayMatch(TermsEnum terms) {
			boolean[] candidates = this.alwaysRun.clone();
			if (terms == null) {
				return candidates;
			}
			int[] found = new int[this.clauseSize.length];
			try {
				for (BytesRef term = terms.next(); term != null; term = terms.next()) {
					int[] clauses = this.clausesOfTerm.get(term);
					if (clauses != null) {
						for (int clause : clauses) {
							if (++found[clause] == this.clauseSize[clause]) {
								candidates[this.clauseTheme[clause]] = true;
							}
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return candidates;
		}

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

		/** The call's terms, each once, in order; null when the text has none. */
		private final TermsEnum terms;

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
