package pe.gob.munlima.convoca.search;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Lucene's classic syntax (AND, OR, NOT, -term, "phrases", wildcards) over every text
 * field, each analysed its own way, with the thesaurus applied to unquoted words. A span
 * of the query that is a thesaurus term also matches, a little lower than the words
 * typed:
 * <ul>
 * <li>for a theme group of the vocabulary, the calls tagged with that theme. Intake tags
 * a call with a theme exactly when its text contains one of the theme's terms, so one
 * term query on the tag stands for some 25 phrase queries over 5 KB texts, and keeps a
 * search of 100k calls within milliseconds;</li>
 * <li>for a plain group of thesaurus.yaml, the other terms of the group as phrases in the
 * neutral field.</li>
 * </ul>
 * <p>
 * Not thread-safe, like its parent: one per query.
 */
class CallQueryParser extends MultiFieldQueryParser {

	/** Title words weigh double; the neutral field catches what stemming misses. */
	static final Map<String, Float> BOOSTS = Map.of(CallFields.TITLE, 2f, CallFields.ALL, 0.5f, CallFields.text("es"),
			1f, CallFields.text("en"), 1f, CallFields.text("fr"), 1f, CallFields.text("pt"), 1f);

	private static final String[] FIELDS = BOOSTS.keySet().stream().sorted().toArray(String[]::new);

	/** Other words of a group count, but less than the words the analyst typed. */
	private static final float ALTERNATIVE_BOOST = 0.4f;

	private static final float THEME_BOOST = 0.3f;

	/** Bounds the phrase clauses one span can add. */
	private static final int MAX_ALTERNATIVES = 32;

	/** Longest /regular expression/ accepted; longer ones are refused before parsing. */
	static final int MAX_REGEXP_LENGTH = 100;

	/** Largest repetition count in a regular expression (x{0,30000} is refused). */
	static final int MAX_REPEAT = 50;

	/**
	 * Work Lucene may spend turning one regular expression into an automaton: a tenth of
	 * its default, ample for the expressions an analyst writes.
	 */
	static final int DETERMINIZE_WORK_LIMIT = 1_000;

	private static final java.util.regex.Pattern REPEAT = java.util.regex.Pattern
		.compile("\\{\\s*(\\d+)\\s*(?:,\\s*(\\d*)\\s*)?\\}");

	private final Thesaurus thesaurus;

	private final String themeField;

	CallQueryParser(Thesaurus thesaurus, FacetsConfig facets, Analyzer analyzer) {
		super(FIELDS, analyzer, BOOSTS);
		this.thesaurus = thesaurus;
		this.themeField = facets.getDimConfig(CallFields.DIM_THEME).indexFieldName;
		setDefaultOperator(AND_OPERATOR);
		// Whole runs of words reach getFieldQuery, so multi-word terms such as "movilidad
		// urbana" can be found in the thesaurus.
		setSplitOnWhitespace(false);
		setDeterminizeWorkLimit(DETERMINIZE_WORK_LIMIT);
	}

	/**
	 * A regular expression that is too long, repeats too much or is too complex to turn
	 * into an automaton is refused (a 400), before it costs the server memory and time.
	 */
	@Override
	protected Query getRegexpQuery(String field, String termStr) throws ParseException {
		if (termStr.length() > MAX_REGEXP_LENGTH) {
			throw new TooComplexException("search.regexp.tooLong", MAX_REGEXP_LENGTH);
		}
		java.util.regex.Matcher repeat = REPEAT.matcher(termStr);
		while (repeat.find()) {
			for (String bound : new String[] { repeat.group(1), repeat.group(2) }) {
				if (bound != null && !bound.isEmpty() && (bound.length() > 3 || Integer.parseInt(bound) > MAX_REPEAT)) {
					throw new TooComplexException("search.regexp.tooComplex", MAX_REPEAT);
				}
			}
		}
		try {
			return super.getRegexpQuery(field, termStr);
		}
		catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException ex) {
			throw new TooComplexException("search.regexp.tooComplex", MAX_REPEAT);
		}
	}

	/** A regular expression the parser refuses; the message is in the bundles. */
	static final class TooComplexException extends RuntimeException {

		private final String code;

		private final Object[] arguments;

		TooComplexException(String code, Object... arguments) {
			super(code, null, false, false);
			this.code = code;
			this.arguments = arguments;
		}

		String code() {
			return this.code;
		}

		Object[] arguments() {
			return this.arguments;
		}

	}

	/**
	 * Parses the query; an empty one matches everything, and one made only of exclusions
	 * ("-préstamo") matches everything but them.
	 */
	Query parseQuery(String q) throws ParseException {
		if (q == null || q.isBlank()) {
			return new MatchAllDocsQuery();
		}
		Query query = parse(q);
		if (query instanceof BooleanQuery bool && !bool.clauses().isEmpty()
				&& bool.clauses().stream().allMatch(clause -> clause.getOccur() == BooleanClause.Occur.MUST_NOT)) {
			BooleanQuery.Builder builder = new BooleanQuery.Builder().add(new MatchAllDocsQuery(),
					BooleanClause.Occur.MUST);
			bool.clauses().forEach(builder::add);
			return builder.build();
		}
		return query;
	}

	@Override
	protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
		if (field != null || quoted) {
			return super.getFieldQuery(field, queryText, quoted);
		}
		List<Thesaurus.Segment> segments = this.thesaurus.segment(queryText);
		if (segments.stream().allMatch(segment -> segment.groups().isEmpty())) {
			return super.getFieldQuery(null, queryText, false);
		}
		BooleanClause.Occur occur = getDefaultOperator() == AND_OPERATOR ? BooleanClause.Occur.MUST
				: BooleanClause.Occur.SHOULD;
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		for (Thesaurus.Segment segment : segments) {
			Query query = segment.groups().isEmpty() ? super.getFieldQuery(null, segment.text(), false)
					: expand(segment);
			if (query != null) {
				all.add(query, occur);
			}
		}
		return all.build();
	}

	/** The words typed, or any other term of their groups, or their themes. */
	private Query expand(Thesaurus.Segment segment) throws ParseException {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		Query typed = super.getFieldQuery(null, segment.text(), false);
		if (typed != null) {
			any.add(typed, BooleanClause.Occur.SHOULD);
		}
		// The other terms of a group score as one constant: they only say "this call is
		// about it too". Constant-score, the disjunction is a filter Lucene's query cache
		// keeps per segment, so a popular group ("gobiernos locales", eight phrases over
		// 5 KB texts) is evaluated once, not on every search that mentions it.
		BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
		int added = 0;
		for (String alternative : segment.alternatives()) {
			if (added == MAX_ALTERNATIVES) {
				break;
			}
			Query query = super.getFieldQuery(CallFields.ALL, alternative, true);
			if (query != null) {
				alternatives.add(query, BooleanClause.Occur.SHOULD);
				added++;
			}
		}
		if (added > 0) {
			any.add(new BoostQuery(new ConstantScoreQuery(alternatives.build()), ALTERNATIVE_BOOST),
					BooleanClause.Occur.SHOULD);
		}
		for (Thesaurus.Group group : segment.groups()) {
			if (group.theme() != null) {
				Query theme = new TermQuery(DrillDownQuery.term(this.themeField, CallFields.DIM_THEME, group.theme()));
				any.add(new BoostQuery(new ConstantScoreQuery(theme), THEME_BOOST), BooleanClause.Occur.SHOULD);
			}
		}
		return any.build();
	}

}
