package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiLongValuesSource;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import org.springframework.stereotype.Service;

/**
 * Runs a search: the parsed query, filtered by facets and ranges, sorted, one page of
 * hits with highlighted snippets, and the facet counts of everything that matched.
 */
@Service
class CallSearch {

	/** Lima's calendar decides which day a deadline falls on. */
	static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final int SNIPPET_CHARS = 180;

	private static final int SNIPPET_PASSAGES = 2;

	/** Values per facet in a response; funders can be many. */
	private static final int FACET_VALUES = 20;

	private static final String[] SNIPPET_FIELDS = LanguageAnalysis.LANGUAGES.stream()
		.map(CallFields::text)
		.toArray(String[]::new);

	private final CallIndex index;

	private final ThesaurusStore thesaurus;

	private final Clock clock;

	/** Built once: analyzers are thread-safe and keep per-thread token streams. */
	private final Analyzer analyzer = LanguageAnalysis.perField();

	CallSearch(CallIndex index, ThesaurusStore thesaurus, Clock clock) {
		this.index = index;
		this.thesaurus = thesaurus;
		this.clock = clock;
	}

	/**
	 * @throws SearchRequest.InvalidSearchException when the query does not parse or is
	 * too broad
	 */
	SearchResult search(SearchRequest request) {
		long started = System.nanoTime();
		Query text = parse(request.q());
		Query query = filtered(text, request);
		try (CallIndex.Lease lease = this.index.acquire()) {
			IndexGeneration.FacetedSearcher searcher = lease.searcher();
			int window = (request.page() + 1) * request.size();
			FacetsCollectorManager.FacetsResult result = run(searcher, query, window, request.sort());
			ScoreDoc[] all = result.topDocs().scoreDocs;
			ScoreDoc[] page = Arrays.copyOfRange(all, Math.min(all.length, request.page() * request.size()),
					all.length);
			List<SearchResult.Hit> hits = hits(searcher, text, page, request.sort() == SearchRequest.Sort.RELEVANCE,
					request.snippets());
			FacetsCollector matched = result.facetsCollector();
			long total = matched.getMatchingDocs().stream().mapToLong(docs -> docs.totalHits).sum();
			Map<String, List<SearchResult.FacetCount>> facets = facets(searcher, matched, total);
			double tookMs = (System.nanoTime() - started) / 10_000 / 100.0;
			return new SearchResult(request.q(), total, request.page(), request.size(),
					request.sort().name().toLowerCase(Locale.ROOT), tookMs, hits, facets);
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw tooBroad(request.q(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every matching call (up to {@link SearchRequest#MAX_WINDOW}) in the request's
	 * order, without snippets: the rows of a CSV export.
	 */
	List<SearchResult.Hit> all(SearchRequest request) {
		Query query = filtered(parse(request.q()), request);
		try (CallIndex.Lease lease = this.index.acquire()) {
			IndexSearcher searcher = lease.searcher();
			Sort sort = sort(request.sort());
			TopDocs top = sort == null ? searcher.search(query, SearchRequest.MAX_WINDOW)
					: searcher.search(query, SearchRequest.MAX_WINDOW, sort);
			List<SearchResult.Hit> rows = new ArrayList<>(top.scoreDocs.length);
			for (ScoreDoc doc : top.scoreDocs) {
				rows.add(hit(searcher.storedFields().document(doc.doc), null, null));
			}
			return rows;
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw tooBroad(request.q(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Longest query text accepted: a question an analyst types, with room for a long
	 * boolean expression, not a document.
	 */
	static final int MAX_QUERY_LENGTH = 1_000;

	Query parse(String q) {
		if (q != null && q.length() > MAX_QUERY_LENGTH) {
			throw SearchRequest.InvalidSearchException.coded("search.query.tooLong", null, MAX_QUERY_LENGTH);
		}
		CallQueryParser parser = new CallQueryParser(this.thesaurus.thesaurus(), this.index.facets(), this.analyzer);
		try {
			return parser.parseQuery(q);
		}
		catch (CallQueryParser.TooComplexException ex) {
			throw SearchRequest.InvalidSearchException.coded(ex.code(), ex, ex.arguments());
		}
		catch (ParseException | IllegalArgumentException ex) {
			throw new SearchRequest.InvalidSearchException(QueryErrors.explain(q, ex), ex);
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw tooBroad(q, ex);
		}
	}

	private static SearchRequest.InvalidSearchException tooBroad(String q, RuntimeException ex) {
		return new SearchRequest.InvalidSearchException("La búsqueda \"" + q
				+ "\" no es válida: abarca demasiados términos (un comodín muy corto como a*?). Use palabras más largas.",
				ex);
	}

	/**
	 * The text query, with ranges as filters (they never change scores) and facet
	 * drill-downs.
	 */
	Query filtered(Query text, SearchRequest request) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
		if (request.deadlineFrom() != null || request.deadlineTo() != null) {
			long from = request.deadlineFrom() == null ? Long.MIN_VALUE : startOfDay(request.deadlineFrom());
			long to = request.deadlineTo() == null ? Long.MAX_VALUE : startOfDay(request.deadlineTo().plusDays(1)) - 1;
			builder.add(LongField.newRangeQuery(CallFields.DEADLINE, from, to), BooleanClause.Occur.FILTER);
		}
		if (request.amountMin() != null || request.amountMax() != null) {
			long min = request.amountMin() == null ? Long.MIN_VALUE : request.amountMin();
			long max = request.amountMax() == null ? Long.MAX_VALUE : request.amountMax();
			builder.add(LongField.newRangeQuery(CallFields.AMOUNT_USD, min, max), BooleanClause.Occur.FILTER);
		}
		DrillDownQuery drill = new DrillDownQuery(this.index.facets(), builder.build());
		request.filters().forEach((dim, values) -> values.forEach(value -> drill.add(dim, value)));
		return drill;
	}

	private static long startOfDay(LocalDate day) {
		return day.atStartOfDay(LIMA).toEpochSecond();
	}

	private static FacetsCollectorManager.FacetsResult run(IndexSearcher searcher, Query query, int window,
			SearchRequest.Sort order) throws IOException {
		Sort sort = sort(order);
		FacetsCollectorManager collector = new FacetsCollectorManager();
		return sort == null ? FacetsCollectorManager.search(searcher, query, window, collector)
				: FacetsCollectorManager.search(searcher, query, window, sort, collector);
	}

	private static Sort sort(SearchRequest.Sort order) {
		return switch (order) {
			case RELEVANCE -> null;
			case DEADLINE -> {
				SortField deadline = new SortedNumericSortField(CallFields.DEADLINE, SortField.Type.LONG);
				deadline.setMissingValue(Long.MAX_VALUE);
				yield new Sort(deadline, SortField.FIELD_SCORE);
			}
			case NEWEST -> {
				SortField published = new SortedNumericSortField(CallFields.PUBLISHED, SortField.Type.LONG, true);
				published.setMissingValue(Long.MIN_VALUE);
				yield new Sort(published, SortField.FIELD_SCORE);
			}
		};
	}

	private List<SearchResult.Hit> hits(IndexSearcher searcher, Query text, ScoreDoc[] page, boolean scored,
			boolean highlight) throws IOException {
		String[] snippets = highlight ? snippets(searcher, text, page) : new String[page.length];
		List<SearchResult.Hit> hits = new ArrayList<>(page.length);
		for (int i = 0; i < page.length; i++) {
			Document doc = searcher.storedFields().document(page[i].doc);
			hits.add(hit(doc, snippets[i], scored ? page[i].score : null));
		}
		return hits;
	}

	/**
	 * Best passages of each hit's summary, terms in {@code <mark>}, the rest HTML-escaped
	 * so a page can show them as they are; the opening of the summary when no term is in
	 * it (a call found through the thesaurus or the title).
	 */
	private String[] snippets(IndexSearcher searcher, Query text, ScoreDoc[] page) throws IOException {
		String[] snippets = new String[page.length];
		if (page.length == 0) {
			return snippets;
		}
		UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, this.analyzer)
			.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f))
			.withMaxNoHighlightPassages(1)
			.build();
		int[] docIds = Arrays.stream(page).mapToInt(doc -> doc.doc).toArray();
		int[] passages = new int[SNIPPET_FIELDS.length];
		Arrays.fill(passages, SNIPPET_PASSAGES);
		Map<String, String[]> byField = highlighter.highlightFields(SNIPPET_FIELDS, text, docIds, passages);
		for (int i = 0; i < page.length; i++) {
			for (String field : SNIPPET_FIELDS) {
				String snippet = byField.get(field)[i];
				if (snippet != null && !snippet.isBlank()) {
					snippets[i] = snippet;
					break;
				}
			}
		}
		return snippets;
	}

	private static SearchResult.Hit hit(Document doc, String snippet, Float score) {
		IndexableField deadline = doc.getField(CallFields.DEADLINE);
		IndexableField usd = doc.getField(CallFields.AMOUNT_USD);
		return new SearchResult.Hit(Long.parseLong(doc.get(CallFields.ID)), doc.get(CallFields.TITLE),
				doc.get(CallFields.FUNDER), doc.get(CallFields.STATUS),
				deadline == null ? null : Instant.ofEpochSecond(deadline.numericValue().longValue()),
				decimal(doc.get(CallFields.AMOUNT_MIN)), decimal(doc.get(CallFields.AMOUNT_MAX)),
				doc.get(CallFields.CURRENCY), usd == null ? null : usd.numericValue().longValue(),
				List.of(doc.getValues(CallFields.APPLICANT_TYPES)), List.of(doc.getValues(CallFields.THEMES)),
				doc.get(CallFields.LANGUAGE), doc.get(CallFields.URL), snippet, score);
	}

	private static BigDecimal decimal(String value) {
		return value == null ? null : new BigDecimal(value);
	}

	private Map<String, List<SearchResult.FacetCount>> facets(IndexGeneration.FacetedSearcher searcher,
			FacetsCollector matched, long total) throws IOException {
		Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
		if (searcher.facetState() != null) {
			SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(searcher.facetState(), matched);
			for (String dim : CallFields.STRING_DIMS) {
				facets.put(dim, values(topChildren(counts, dim)));
			}
		}
		else {
			CallFields.STRING_DIMS.forEach(dim -> facets.put(dim, List.of()));
		}
		facets.put("deadline", ranges(CallFields.DEADLINE, Buckets.deadlines(this.clock.instant()), matched, total,
				Buckets.NO_DEADLINE));
		facets.put("amount", ranges(CallFields.AMOUNT_USD, Buckets.AMOUNTS, matched, total, Buckets.NO_AMOUNT));
		return facets;
	}

	/** Null when no matching call has a value for the dimension. */
	private static FacetResult topChildren(SortedSetDocValuesFacetCounts counts, String dim) throws IOException {
		try {
			return counts.getTopChildren(FACET_VALUES, dim);
		}
		catch (IllegalArgumentException ex) {
			// The dimension was never indexed (no call states it yet).
			return null;
		}
	}

	private static List<SearchResult.FacetCount> values(FacetResult result) {
		if (result == null) {
			return List.of();
		}
		List<SearchResult.FacetCount> values = new ArrayList<>(result.labelValues.length);
		for (LabelAndValue value : result.labelValues) {
			values.add(new SearchResult.FacetCount(value.label, value.label, value.value.longValue()));
		}
		return values;
	}

	/**
	 * Counts per bucket; buckets cover every value, so calls in none of them have no
	 * value and are counted under {@code missing}.
	 */
	private static List<SearchResult.FacetCount> ranges(String field, List<Buckets.Bucket> buckets,
			FacetsCollector matched, long total, Buckets.Bucket missing) throws IOException {
		LongRange[] ranges = buckets.stream().map(Buckets.Bucket::range).toArray(LongRange[]::new);
		LongRangeFacetCounts counts = new LongRangeFacetCounts(field, MultiLongValuesSource.fromLongField(field),
				matched, ranges);
		FacetResult result = counts.getAllChildren(field);
		List<SearchResult.FacetCount> values = new ArrayList<>();
		long counted = 0;
		for (int i = 0; i < buckets.size(); i++) {
			long count = result.labelValues[i].value.longValue();
			counted += count;
			values.add(new SearchResult.FacetCount(buckets.get(i).key(), buckets.get(i).label(), count));
		}
		values.add(new SearchResult.FacetCount(missing.key(), missing.label(), total - counted));
		return values;
	}

	/** The fixed buckets of the range facets. */
	static final class Buckets {

		static final Bucket NO_DEADLINE = new Bucket("sin-fecha", "Sin fecha límite", null);

		static final Bucket NO_AMOUNT = new Bucket("sin-monto", "Sin monto en USD", null);

		/** Largest amount in USD; upper bounds inclusive. */
		static final List<Bucket> AMOUNTS = List.of(amount("hasta-50k", "Hasta 50 mil USD", 0, 50_000),
				amount("50k-250k", "50 mil – 250 mil USD", 50_001, 250_000),
				amount("250k-1m", "250 mil – 1 millón USD", 250_001, 1_000_000),
				amount("1m-5m", "1 – 5 millones USD", 1_000_001, 5_000_000),
				amount("mas-5m", "Más de 5 millones USD", 5_000_001, Long.MAX_VALUE));

		private Buckets() {
		}

		/**
		 * Relative to now, so a call moves from "30 días" to "vencida" without
		 * re-indexing.
		 */
		static List<Bucket> deadlines(Instant now) {
			long t = now.getEpochSecond();
			long day = Duration.ofDays(1).toSeconds();
			return List.of(
					new Bucket("vencida", "Plazo vencido", new LongRange("vencida", Long.MIN_VALUE, true, t, false)),
					new Bucket("30-dias", "Cierra en 30 días o menos",
							new LongRange("30-dias", t, true, t + 30 * day, true)),
					new Bucket("90-dias", "Cierra en 31 a 90 días",
							new LongRange("90-dias", t + 30 * day, false, t + 90 * day, true)),
					new Bucket("180-dias", "Cierra en 91 a 180 días",
							new LongRange("180-dias", t + 90 * day, false, t + 180 * day, true)),
					new Bucket("mas-180-dias", "Cierra en más de 180 días",
							new LongRange("mas-180-dias", t + 180 * day, false, Long.MAX_VALUE, true)));
		}

		private static Bucket amount(String key, String label, long min, long max) {
			return new Bucket(key, label, new LongRange(key, min, true, max, true));
		}

		record Bucket(String key, String label, LongRange range) {
		}

	}

}
