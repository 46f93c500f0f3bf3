package pe.gob.munlima.convoca.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.money.RateTable;
import pe.gob.munlima.convoca.requirement.Fact;
import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * How a call becomes a Lucene document, and why each field is indexed the way it is.
 * <p>
 * The text of a call is analysed in its own language ({@code text_es}, {@code text_en},
 * {@code text_fr}, {@code text_pt}: stems and stop words of that language), and once
 * more, language-neutral, in {@code all} (folded words, no stems) so names and words of
 * other languages match exactly. A query is analysed once per field with that field's
 * analyzer, so a Spanish query finds Spanish calls by stem and every call by exact folded
 * word; the thesaurus does the rest across languages.
 * <p>
 * Facets are sorted-set doc values (no taxonomy index to keep in step); numbers used for
 * ranges, sorting and range facets are {@link LongField}s, which index points for filters
 * and doc values for sorting in one field.
 */
final class CallFields {

	/**
	 * Bumped whenever a field changes meaning; an index written with another version is
	 * rebuilt at start-up. Stored in the commit user data.
	 */
	static final String SCHEMA_VERSION = "3";

	/** Exact id: updates replace by this term. */
	static final String ID = "id";

	/** Title, neutral analysis, stored for display; matches here weigh double. */
	static final String TITLE = "title";

	/** Funder, title and summary, neutral analysis, not stored. */
	static final String ALL = "all";

	/** Epoch seconds of the deadline: range filter, sort, deadline buckets. */
	static final String DEADLINE = "deadline";

	/** Epoch seconds of publication (first seen when the source gives none): "newest". */
	static final String PUBLISHED = "published";

	/** The call's largest amount in whole USD (rate table): range filter and buckets. */
	static final String AMOUNT_USD = "amount_usd";

	// Stored only: what a hit and the CSV export show without a database round trip.
	static final String FUNDER = "funder";

	static final String STATUS = "status";

	static final String URL = "url";

	static final String AMOUNT_MIN = "amount_min";

	static final String AMOUNT_MAX = "amount_max";

	static final String CURRENCY = "currency";

	static final String APPLICANT_TYPES = "applicant_types";

	static final String THEMES = "themes";

	static final String LANGUAGE = "language";

	// Facet dimensions (sorted-set doc values, drill-down terms).
	static final String DIM_FUNDER = "funder";

	static final String DIM_THEME = "theme";

	static final String DIM_STATUS = "status";

	static final String DIM_APPLICANT_TYPE = "applicantType";

	static final String DIM_REGION = "region";

	static final String DIM_SOURCE = "source";

	static final String DIM_LANGUAGE = "language";

	static final List<String> STRING_DIMS = List.of(DIM_FUNDER, DIM_THEME, DIM_STATUS, DIM_APPLICANT_TYPE, DIM_REGION,
			DIM_SOURCE, DIM_LANGUAGE);

	/**
	 * Language text with offsets in the postings: the highlighter then finds the matched
	 * words from the index instead of re-analysing 5 KB per hit, which keeps snippets
	 * within a few milliseconds per page (costs some 10% more index).
	 */
	private static final FieldType TEXT_STORED = textWithOffsets(true);

	private static final FieldType TEXT = textWithOffsets(false);

	/** Facet value for a call whose language is not known. */
	static final String UNKNOWN = "unknown";

	private CallFields() {
	}

	static String text(String language) {
		return "text_" + language;
	}

	private static FieldType textWithOffsets(boolean stored) {
		FieldType type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

	static FacetsConfig facetsConfig() {
		FacetsConfig config = new FacetsConfig();
		config.setMultiValued(DIM_THEME, true);
		config.setMultiValued(DIM_APPLICANT_TYPE, true);
		config.setMultiValued(DIM_REGION, true);
		return config;
	}

	static Term idTerm(long id) {
		return new Term(ID, Long.toString(id));
	}

	static Document document(CallView call, RateTable rates, FacetsConfig facets) {
		Document doc = new Document();
		doc.add(new KeywordField(ID, Long.toString(call.id()), Field.Store.YES));
		String summary = call.summaryText() == null ? "" : call.summaryText();
		for (String language : LanguageAnalysis.languagesOf(call.language())) {
			// Two values of one field: the summary, stored so the highlighter cuts
			// snippets
			// from it, then the title, searched but not stored. The summary comes first
			// so
			// the offsets in the postings are offsets into the stored text; the title's
			// lie
			// beyond its end and the highlighter ignores them.
			doc.add(new Field(text(language), summary, TEXT_STORED));
			doc.add(new Field(text(language), call.title(), TEXT));
		}
		doc.add(new TextField(TITLE, call.title(), Field.Store.YES));
		doc.add(new TextField(ALL, call.funder() + "\n" + call.title() + "\n" + summary, Field.Store.NO));
		if (call.deadline() != null) {
			doc.add(new LongField(DEADLINE, call.deadline().getEpochSecond(), Field.Store.YES));
		}
		Instant published = call.publishedAt() != null ? call.publishedAt() : call.firstSeenAt();
		if (published != null) {
			doc.add(new LongField(PUBLISHED, published.getEpochSecond(), Field.Store.NO));
		}
		Requirements.Money money = call.requirements().money();
		List<String> applicantTypes = Fact.valueOf(call.requirements().applicants().applicantTypes());
		BigDecimal largest = money.max() != null ? money.max() : money.min();
		OptionalLong usd = rates.wholeUsd(largest, money.currency());
		if (usd.isPresent()) {
			doc.add(new LongField(AMOUNT_USD, usd.getAsLong(), Field.Store.YES));
		}
		storeIfPresent(doc, FUNDER, call.funder());
		storeIfPresent(doc, STATUS, status(call));
		storeIfPresent(doc, URL, call.sourceUrl());
		storeIfPresent(doc, AMOUNT_MIN, money.min() == null ? null : money.min().toPlainString());
		storeIfPresent(doc, AMOUNT_MAX, money.max() == null ? null : money.max().toPlainString());
		storeIfPresent(doc, CURRENCY, money.currency());
		storeIfPresent(doc, LANGUAGE, call.language());
		storeAll(doc, APPLICANT_TYPES, applicantTypes);
		storeAll(doc, THEMES, call.themes());

		facet(doc, DIM_FUNDER, call.funder());
		facet(doc, DIM_STATUS, status(call));
		facet(doc, DIM_SOURCE, call.sourceId());
		facet(doc, DIM_LANGUAGE, call.language() == null ? UNKNOWN : call.language().toLowerCase(Locale.ROOT));
		facetAll(doc, DIM_THEME, call.themes());
		facetAll(doc, DIM_APPLICANT_TYPE, applicantTypes);
		facetAll(doc, DIM_REGION, Fact.valueOf(call.requirements().places().eligibleGeographies()));
		try {
			return facets.build(doc);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Cannot build facets of call " + call.id(), ex);
		}
	}

	/** Lower case, as the issue and the API name them: open, forthcoming, closed. */
	static String status(CallView call) {
		return call.status() == null ? null : call.status().toLowerCase(Locale.ROOT);
	}

	private static void storeIfPresent(Document doc, String field, String value) {
		if (value != null) {
			doc.add(new StoredField(field, value));
		}
	}

	private static void storeAll(Document doc, String field, List<String> values) {
		if (values != null) {
			values.forEach(value -> doc.add(new StoredField(field, value)));
		}
	}

	private static void facet(Document doc, String dim, String value) {
		if (value != null && !value.isBlank()) {
			doc.add(new SortedSetDocValuesFacetField(dim, value));
		}
	}

	private static void facetAll(Document doc, String dim, List<String> values) {
		if (values != null) {
			values.stream().distinct().forEach(value -> facet(doc, dim, value));
		}
	}

}
