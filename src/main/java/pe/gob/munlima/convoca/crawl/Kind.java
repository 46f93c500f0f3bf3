package pe.gob.munlima.convoca.crawl;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of source a definition may declare, as written in its {@code kind} field. */
enum Kind {

	/** A listing page and, optionally, a detail page per call; CSS selectors. */
	HTML("html", true),
	/** RSS 0.9x/1.0/2.0, read by Rome. */
	RSS("rss", false),
	/** Atom 1.0, read by Rome. */
	ATOM("atom", false),
	/** A paged JSON API, GET or POST; paths. */
	JSON_API("json-api", true),
	/** An XML document or extract (also zipped), read as a stream; element paths. */
	XML("xml", true),
	/** A CSV file with a header row; columns by name. */
	CSV("csv", false),
	/**
	 * A call page written in Markdown with YAML front matter; CSS selectors on its HTML.
	 */
	MARKDOWN("markdown", false),
	/**
	 * IATI activity XML (a file or the Datastore API): read and stored by the iati
	 * module, not as calls; no items or fields to declare.
	 */
	IATI("iati", false);

	private final String label;

	private final boolean needsItems;

	Kind(String label, boolean needsItems) {
		this.label = label;
		this.needsItems = needsItems;
	}

	String label() {
		return this.label;
	}

	/** Whether a definition must say where each call is in a page. */
	boolean needsItems() {
		return this.needsItems;
	}

	boolean feed() {
		return this == RSS || this == ATOM;
	}

	static Optional<Kind> of(String label) {
		return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
	}

	static List<String> labels() {
		return Arrays.stream(values()).map(Kind::label).toList();
	}

}
