package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import org.springframework.stereotype.Service;

/**
 * Runs a user's query over both language views of the text, title words weighing double.
 */
@Service
class CallSearch {

	static final int MAX_SIZE = 100;

	private static final String[] FIELDS = { CallFields.TITLE_ES, CallFields.TITLE_EN, CallFields.BODY_ES,
			CallFields.BODY_EN };

	private static final Map<String, Float> BOOSTS = Map.of(CallFields.TITLE_ES, 2f, CallFields.TITLE_EN, 2f,
			CallFields.BODY_ES, 1f, CallFields.BODY_EN, 1f);

	private static final int SNIPPET_CHARS = 280;

	private final CallIndex index;

	CallSearch(CallIndex index) {
		this.index = index;
	}

	/**
	 * @throws InvalidQueryException when the query does not parse
	 */
	SearchPage search(String q, int page, int size) {
		long started = System.nanoTime();
		Query query = parse(q);
		try {
			IndexSearcher searcher = this.index.acquire();
			try {
				TopDocs top = searcher.search(query, (page + 1) * size);
				List<SearchHit> hits = new ArrayList<>();
				ScoreDoc[] docs = top.scoreDocs;
				for (int i = page * size; i < docs.length; i++) {
					Document doc = searcher.storedFields().document(docs[i].doc);
					hits.add(hit(doc, docs[i].score));
				}
				long tookMs = (System.nanoTime() - started) / 1_000_000;
				return new SearchPage(q, top.totalHits.value, page, size, tookMs, hits);
			}
			finally {
				this.index.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Query parse(String q) {
		if (q == null || q.isBlank()) {
			return new MatchAllDocsQuery();
		}
		MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, CallFields.analyzer(), BOOSTS);
		parser.setDefaultOperator(QueryParser.Operator.AND);
		try {
			return parser.parse(q);
		}
		catch (ParseException | IllegalArgumentException ex) {
			throw new InvalidQueryException(q, ex);
		}
	}

	private static SearchHit hit(Document doc, float score) {
		var deadline = doc.getField(CallFields.DEADLINE);
		String summary = doc.get(CallFields.SUMMARY);
		String snippet = summary.length() <= SNIPPET_CHARS ? summary : summary.substring(0, SNIPPET_CHARS) + "…";
		return new SearchHit(Long.parseLong(doc.get(CallFields.ID)), doc.get(CallFields.TITLE),
				doc.get(CallFields.FUNDER), doc.get(CallFields.STATUS),
				deadline == null ? null : Instant.ofEpochSecond(deadline.numericValue().longValue()),
				doc.get(CallFields.URL), snippet, score);
	}

	record SearchHit(long id, String title, String funder, String status, Instant deadline, String sourceUrl,
			String snippet, float score) {
	}

	record SearchPage(String query, long total, int page, int size, long tookMs, List<SearchHit> hits) {
	}

	/** A query the parser refuses; the API answers 400 with the parser's explanation. */
	static class InvalidQueryException extends RuntimeException {

		InvalidQueryException(String query, Exception cause) {
			super("La búsqueda \"" + query + "\" no es válida: " + cause.getMessage(), cause);
		}

	}

}
