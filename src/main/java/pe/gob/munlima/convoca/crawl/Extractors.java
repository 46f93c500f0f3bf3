package pe.gob.munlima.convoca.crawl;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** One extractor per kind of source, and the field mapper they share. */
@Component
class Extractors {

	private final Map<Kind, Extractor> byKind = new EnumMap<>(Kind.class);

	private final ItemMapper mapper;

	Extractors() {
		HtmlExtractor html = new HtmlExtractor();
		JsonExtractor json = new JsonExtractor();
		FeedExtractor feed = new FeedExtractor();
		this.byKind.put(Kind.HTML, html);
		this.byKind.put(Kind.MARKDOWN, new MarkdownExtractor(html));
		this.byKind.put(Kind.JSON_API, json);
		this.byKind.put(Kind.XML, new XmlExtractor());
		this.byKind.put(Kind.CSV, new CsvExtractor());
		this.byKind.put(Kind.RSS, feed);
		this.byKind.put(Kind.ATOM, feed);
		this.mapper = new ItemMapper(json);
	}

	Extractor of(Kind kind) {
		return this.byKind.get(kind);
	}

	ItemMapper mapper() {
		return this.mapper;
	}

}
