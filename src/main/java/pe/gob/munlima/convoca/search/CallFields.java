package pe.gob.munlima.convoca.search;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;

import pe.gob.munlima.convoca.call.CallView;

/**
 * How a call becomes a Lucene document, and which analyzer reads each field.
 * <p>
 * The text is indexed twice, once with Spanish and once with English stemming and stop
 * words, because a Spanish-speaking analyst searches English calls too and neither
 * analyzer alone stems both languages. Display values are stored so a result page needs
 * no database round trip.
 */
final class CallFields {

	/** Exact id, for updates and deletes by term. */
	static final String ID = "id";

	static final String TITLE_ES = "title_es";

	static final String TITLE_EN = "title_en";

	static final String BODY_ES = "body_es";

	static final String BODY_EN = "body_en";

	/** Epoch seconds; a point for range filters and doc values for sorting. */
	static final String DEADLINE = "deadline";

	static final String TITLE = "title";

	static final String FUNDER = "funder";

	static final String STATUS = "status";

	static final String SUMMARY = "summary";

	static final String URL = "url";

	private CallFields() {
	}

	static Analyzer analyzer() {
		Analyzer spanish = new SpanishAnalyzer();
		Analyzer english = new EnglishAnalyzer();
		return new PerFieldAnalyzerWrapper(new StandardAnalyzer(),
				Map.of(TITLE_ES, spanish, BODY_ES, spanish, TITLE_EN, english, BODY_EN, english));
	}

	static Document document(CallView call) {
		Document doc = new Document();
		doc.add(new KeywordField(ID, Long.toString(call.id()), Field.Store.YES));
		doc.add(new TextField(TITLE_ES, call.title(), Field.Store.NO));
		doc.add(new TextField(TITLE_EN, call.title(), Field.Store.NO));
		String body = call.funder() + "\n" + call.summaryText();
		doc.add(new TextField(BODY_ES, body, Field.Store.NO));
		doc.add(new TextField(BODY_EN, body, Field.Store.NO));
		if (call.deadline() != null) {
			doc.add(new LongField(DEADLINE, call.deadline().getEpochSecond(), Field.Store.YES));
		}
		doc.add(new StoredField(TITLE, call.title()));
		doc.add(new StoredField(FUNDER, call.funder()));
		doc.add(new StoredField(STATUS, call.status()));
		doc.add(new StoredField(SUMMARY, call.summaryText()));
		if (call.sourceUrl() != null) {
			doc.add(new StoredField(URL, call.sourceUrl()));
		}
		return doc;
	}

}
