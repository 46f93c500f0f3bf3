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

	/**
	 * Scores of the calls percolated so far, by call id: about 150 bytes a call, so a few
	 * hundred thousand open calls fit in tens of megabytes; past that it starts again.
	 */
	private final java.util.Map<Long, Percolated> percolated = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int MAX_REMEMBERED = 300_000;

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
	 * <p>
	 * A call whose text has not changed since it was last percolated gets its scores from
	 * memory: re-matching after a rule activation or a project edit re-judges every pair,
	 * but neither the call nor the theme queries changed.
	 * @return the call's score for each theme, by {@link #themeIndexes} position
	 */
	float[] themeScores(CallView call) {
		String text = text(call);
		Percolated known = this.percolated.get(call.id());
		if (known != null && known.length() == text.length() && known.hash() == text.hashCode()) {
			return known.scores();
		}
		float[] scores = themeScores(index(text));
		if (this.percolated.size() >= MAX_REMEMBERED) {
			this.percolated.clear();
		}
		this.percolated.put(call.id(), new Percolated(text.length(), text.hashCode(), scores));
		return scores;
	}

	/** Forgets a call's scores: it was stored again, its text may have changed. */
	void forget(long callId) {
		this.percolated.remove(callId);
	}

	/** The call's scores by theme id, the themes it does not match left out. */
	java.util.Map<String, Float> scoresByTheme(CallView call) {
		float[] scores = themeScores(call);
		java.util.Map<String, Float> byTheme = new java.util.HashMap<>();
		for (int theme = 0; theme < scores.length; theme++) {
			if (scores[theme] > 0) {
				byTheme.put(this.themes.get(theme), scores[theme]);
			}
		}
		return byTheme;
	}

	private float[] themeScores(Document document) {
		boolean[] candidates = this.presearch.themesThatMayMatch(document.terms);
		float[] scores = new float[candidates.length];
		for (int theme = 0; theme < candidates.length; theme++) {
			if (candidates[theme]) {
				scores[theme] = Math.max(0f, document.score(this.themeQueries.get(theme)));
			}
		}
		return scores;
	}

	/**
	 * Positions of these themes in the arrays of {@link #themeScores}; unknown ones left
	 * out.
	 */
	int[] themeIndexes(Collection<String> themeIds) {
		int[] indexes = new int[themeIds.size()];
		int count = 0;
		for (String theme : themeIds) {
			int index = java.util.Collections.binarySearch(this.themes, theme);
			if (index >= 0) {
				indexes[count++] = index;
			}
		}
		return java.util.Arrays.copyOf(indexes, count);
	}

	/** The score of a profile with these themes: the sum of their scores. */
	static float score(float[] themeScores, int[] themeIndexes) {
		float total = 0f;
		for (int theme : themeIndexes) {
			total += themeScores[theme];
		}
		return total;
	}

	/**
	 * Scores of a call percolated before, with the length and hash of the text they were
	 * computed from.
	 */
	private record Percolated(int length, int hash, float[] scores) {
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

	private static String text(CallView call) {
		return call.title() + "\n" + call.summaryText();
	}

	/** Holds one call in memory, ready to be scored against many stored queries. */
	private Document index(String text) {
		MemoryIndex memory = new MemoryIndex();
		memory.addField(TEXT, text, this.analyzer);
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
