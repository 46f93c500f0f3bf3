package pe.gob.munlima.convoca.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

import pe.gob.munlima.convoca.call.CallView;

import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Saved searches as stored queries, the percolation Lucene's monitor module does: a
 * search's parameters (those of {@code /api/calls/search}) are parsed once, exactly as a
 * search parses them, and each new call is held alone in a {@link MemoryIndex} built from
 * the same document the index stores, so a stored query matches a new call exactly when
 * the search would find it. Hundreds of saved searches cost one small in-memory index per
 * new call, never a search over the whole index.
 */
@Component
public class StoredQueries {

	/** Parameters of a search that say how to show results, not which calls. */
	private static final Set<String> PRESENTATION = Set.of("page", "size", "sort", "format", "snippets");

	private final CallSearch search;

	private final CallIndex index;

	private final Analyzer analyzer = LanguageAnalysis.perField();

	StoredQueries(CallSearch search, CallIndex index) {
		this.search = search;
		this.index = index;
	}

	/**
	 * Parses a saved search; the thesaurus in force is applied, so compile again after it
	 * is reloaded.
	 * @throws IllegalArgumentException with the reason in Spanish, as the search API
	 * answers it
	 */
	public StoredQuery compile(Map<String, List<String>> params) {
		MultiValueMap<String, String> criteria = new LinkedMultiValueMap<>();
		params.forEach((name, values) -> {
			if (!PRESENTATION.contains(name)) {
				criteria.put(name, values);
			}
		});
		try {
			SearchRequest request = SearchRequest.from(criteria);
			return new StoredQuery(this.search.filtered(this.search.parse(request.q()), request));
		}
		catch (SearchRequest.InvalidSearchException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/** A call alone in memory, indexed as the search index holds it. */
	public HeldCall hold(CallView call) {
		MemoryIndex memory = MemoryIndex
			.fromDocument(CallFields.document(call, this.index.rates(), this.index.facets()), this.analyzer);
		return new HeldCall(memory);
	}

	/** A parsed saved search; immutable, reusable across calls and threads. */
	public static final class StoredQuery {

		private final Query query;

		private StoredQuery(Query query) {
			this.query = query;
		}

	}

	/** One call in a {@link MemoryIndex}; not thread-safe, one per percolation. */
	public static final class HeldCall {

		private final MemoryIndex memory;

		private HeldCall(MemoryIndex memory) {
			this.memory = memory;
		}

		public boolean matches(StoredQuery query) {
			return this.memory.search(query.query) > 0;
		}

	}

}
