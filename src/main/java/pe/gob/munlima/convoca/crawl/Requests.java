package pe.gob.munlima.convoca.crawl;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the requests of a source from its templates: the listing's pages (${page},
 * ${offset}, ${size}) and each item's detail (${id}, ${link}... of the item).
 */
final class Requests {

	/** Fixed, so the same form gives the same bytes (and the same remembered key). */
	private static final String BOUNDARY = "convoca-form-7c1e2d";

	private final SourceDefinition source;

	private final long maxBytes;

	private final Duration timeLimit;

	Requests(SourceDefinition source) {
		this.source = source;
		this.maxBytes = source.limits() == null || source.limits().maxBodyMegabytes() == null ? 0
				: source.limits().maxBodyMegabytes() * 1024L * 1024L;
		this.timeLimit = source.limits() == null || source.limits().requestDeadlineSeconds() == null ? null
				: Duration.ofSeconds(source.limits().requestDeadlineSeconds());
	}

	FetchRequest listing(Map<String, String> page, boolean conditional) {
		return build(this.source.url(), this.source.request(), page, conditional);
	}

	FetchRequest next(String url) {
		return new FetchRequest(URI.create(url), "GET", null, null, this.source.hosts(), this.source.hostDelay(), false,
				this.maxBytes, this.timeLimit);
	}

	/**
	 * @param conditional whether an unchanged page may answer 304 (a scheduled run whose
	 * store remembers what the page gave)
	 */
	FetchRequest detail(Map<String, String> item, boolean conditional) {
		SourceDefinition.Detail detail = this.source.detail();
		String url = detail.url() == null ? item.get(FieldNames.LINK) : detail.url();
		if (url == null) {
			throw new ExtractionException("el ítem no tiene enlace para leer su detalle");
		}
		return build(url, detail.request(), item, conditional);
	}

	private FetchRequest build(String template, SourceDefinition.Request request, Map<String, String> values,
			boolean conditional) {
		URI uri = URI.create(Templates.url(template, values));
		if (request == null || !request.post()) {
			return new FetchRequest(uri, "GET", null, null, this.source.hosts(), this.source.hostDelay(), conditional,
					this.maxBytes, this.timeLimit);
		}
		if (request.form() != null && !request.form().isEmpty()) {
			return new FetchRequest(uri, "POST", form(request.form(), values),
					"multipart/form-data; boundary=" + BOUNDARY, this.source.hosts(), this.source.hostDelay(),
					conditional, this.maxBytes, this.timeLimit);
		}
		String type = request.contentType() == null ? "application/json" : request.contentType();
		String body = request.body() == null ? "" : type.contains("json") ? Templates.json(request.body(), values)
				: Templates.text(request.body(), values);
		return new FetchRequest(uri, "POST", body.getBytes(StandardCharsets.UTF_8), type, this.source.hosts(),
				this.source.hostDelay(), conditional, this.maxBytes, this.timeLimit);
	}

	/**
	 * multipart/form-data; parts that hold JSON are sent as JSON blobs, as the EU portal
	 * wants.
	 */
	private static byte[] form(Map<String, String> parts, Map<String, String> values) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		parts.forEach((name, template) -> {
			String value = Templates.text(template, values).strip();
			boolean json = value.startsWith("{") || value.startsWith("[");
			String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
					+ (json ? "; filename=\"blob\"\r\nContent-Type: application/json" : "") + "\r\n\r\n";
			out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
			out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
