package pe.gob.munlima.convoca.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The attached documents of one call (its bases, terms of reference) fetched and read
 * during a run: through the run's polite {@link Fetcher} (robots, host delay, the
 * source's hosts only, redirects checked, the run's deadline), each capped in bytes and
 * pages. Each document becomes one value of {@code RawField.DOCUMENT}: every page opened
 * by a marker line {@code [name, p. n]}. A document that cannot be read (encrypted,
 * malformed, over the cap, scanned with no text, on a host the definition does not name)
 * is a note on the run; the call keeps what its page says and the run goes on.
 */
final class Attachments {

	/**
	 * Where a detail page's document links are kept among its fields, so that an
	 * unchanged detail page (not parsed again) still gives them. Not a valid field name.
	 */
	static final String LINKS_FIELD = "~documentLinks";

	/** The text of an unchanged document is remembered under this name. */
	private static final String TEXT = "text";

	private final SourceDefinition.Documents documents;

	private final SourceDefinition source;

	private final Fetcher fetcher;

	private final Deadline deadline;

	private final CrawlProgress progress;

	private final boolean conditional;

	Attachments(SourceDefinition source, Fetcher fetcher, Deadline deadline, CrawlProgress progress,
			boolean conditional) {
		this.source = source;
		this.documents = source.documents();
		this.fetcher = fetcher;
		this.deadline = deadline;
		this.progress = progress;
		this.conditional = conditional;
	}

	/** The document links of an item or a detail page, as field values (url, text). */
	List<String> links(Item item) {
		List<String> values = new ArrayList<>();
		for (Item.Link link : item.links(this.documents.selector())) {
			values.add(link.url() + "\t" + link.text().replace('\t', ' '));
		}
		return values;
	}

	/**
	 * The text of each document linked, with page markers; problems are noted on the run.
	 * @param links values made by {@link #links(Item)}, listing first
	 * @param where the item, for the notes
	 */
	List<String> read(List<String> links, String where) {
		Map<String, String> named = new LinkedHashMap<>();
		for (String value : links) {
			int tab = value.indexOf('\t');
			String url = tab < 0 ? value : value.substring(0, tab);
			String text = tab < 0 ? "" : value.substring(tab + 1);
			// The same document linked twice is read once, under its first non-blank
			// text.
			String before = named.get(url);
			if (before == null || before.isBlank()) {
				named.put(url, text);
			}
		}
		List<String> texts = new ArrayList<>();
		int cap = this.documents.documentCap();
		if (named.size() > cap) {
			this.progress.error(where, "tiene " + named.size() + " documentos adjuntos; se leen los primeros " + cap
					+ " (documents.maxDocuments)");
		}
		named.entrySet().stream().limit(cap).forEach(link -> {
			String text = document(link.getKey(), name(link.getKey(), link.getValue()), where);
			if (text != null) {
				texts.add(text);
			}
		});
		return texts;
	}

	/** One document's text with its markers, or null (and a note) when it gives none. */
	private String document(String url, String name, String where) {
		String note = "documento «" + name + "» (" + url + "): ";
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			this.progress.error(where, note + "dirección inválida");
			return null;
		}
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		if (!this.source.hosts().contains(host)) {
			this.progress.error(where, note + "está en un host que la definición no nombra " + this.source.hosts()
					+ "; no se sigue (añádalo a allowedHosts para leerlo)");
			return null;
		}
		FetchRequest request = new FetchRequest(uri, "GET", null, null, this.source.hosts(), this.source.hostDelay(),
				this.conditional, this.documents.byteCap(), timeLimit());
		try (Fetched fetched = this.fetcher.fetch(request, this.deadline)) {
			this.progress.pageFetched();
			if (!fetched.changed()) {
				Optional<String> before = this.fetcher.reading(fetched)
					.map(reading -> reading.getOrDefault(TEXT, List.of()))
					.filter(values -> !values.isEmpty())
					.map(values -> values.get(0));
				if (before.isPresent()) {
					return before.get();
				}
				// Unchanged, but its text was not kept: read it again.
				try (Fetched again = this.fetcher.fetch(new FetchRequest(uri, "GET", null, null, this.source.hosts(),
						this.source.hostDelay(), false, this.documents.byteCap(), timeLimit()), this.deadline)) {
					this.progress.pageFetched();
					return text(again, name, note, where);
				}
			}
			return text(fetched, name, note, where);
		}
		catch (DeadlineExceededException ex) {
			throw ex;
		}
		catch (FetchException ex) {
			String message = ex.getMessage();
			if (message != null && message.contains("bytes; rechazada")) {
				this.progress.error(where, note + "pesa más de " + (this.documents.byteCap() >> 20)
						+ " MB (documents.maxMegabytes); no se lee");
			}
			else {
				this.progress.error(where, note + "no se pudo descargar: " + message);
			}
			return null;
		}
	}

	private String text(Fetched fetched, String name, String note, String where) {
		DocumentText.Pages pages = DocumentText.read(fetched.body(), this.documents.pageCap(), this.deadline::passed);
		if (pages.problem() != null) {
			this.progress.error(where, note + pages.problem());
			return null;
		}
		List<Integer> blank = pages.blank();
		if (blank.size() == pages.pages().size()) {
			this.progress.error(where, note + "no tiene capa de texto (¿escaneado?): " + pages.pages().size()
					+ (pages.pages().size() == 1 ? " página" : " páginas") + " sin texto; no se puede leer");
			return null;
		}
		if (!blank.isEmpty()) {
			this.progress.error(where, note + "páginas sin texto (¿escaneadas?): "
					+ blank.stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		if (pages.pages().size() < pages.totalPages() && !pages.cut()) {
			this.progress
				.error(where, note + "se leyeron " + pages.pages().size() + " de " + pages.totalPages() + " páginas"
						+ (this.deadline.passed() ? " (se acabó el tiempo de la corrida)" : " (documents.maxPages)"));
		}
		if (pages.cut()) {
			this.progress.error(where, note + "el texto se cortó en " + DocumentText.MAX_CHARS + " caracteres (página "
					+ pages.pages().size() + ")");
		}
		StringBuilder text = new StringBuilder();
		for (int n = 1; n <= pages.pages().size(); n++) {
			String page = pages.pages().get(n - 1);
			if (page.isBlank()) {
				continue;
			}
			if (!text.isEmpty()) {
				text.append('\n');
			}
			text.append('[').append(name).append(", p. ").append(n).append("]\n").append(page);
		}
		if (this.conditional) {
			this.fetcher.remember(fetched, Map.of(TEXT, List.of(text.toString())));
		}
		return text.toString();
	}

	private java.time.Duration timeLimit() {
		return this.source.limits() == null || this.source.limits().requestDeadlineSeconds() == null ? null
				: java.time.Duration.ofSeconds(this.source.limits().requestDeadlineSeconds());
	}

	/**
	 * The name a marker gives a document: the link's text, else the file name without its
	 * extension; brackets and line breaks, which would break the marker, are replaced.
	 */
	static String name(String url, String linkText) {
		String name = linkText == null ? "" : linkText.strip();
		if (name.isEmpty()) {
			String path;
			try {
				path = URI.create(url).getRawPath();
			}
			catch (IllegalArgumentException ex) {
				path = url;
			}
			path = path == null ? "" : path;
			String file = path.substring(path.lastIndexOf('/') + 1);
			file = java.net.URLDecoder.decode(file.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
			int dot = file.lastIndexOf('.');
			name = (dot > 0 ? file.substring(0, dot) : file).strip();
		}
		name = name.replace('[', '(').replace(']', ')').replaceAll("\\s+", " ").strip();
		if (name.length() > 120) {
			name = name.substring(0, 120).strip() + "…";
		}
		return name.isEmpty() ? "Documento" : name;
	}

}
