package pe.gob.munlima.convoca.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One source as its YAML file in {@code crawlers/} declares it (crawlers/README.md
 * documents every field for the people who edit them).
 *
 * @param id stable identifier, also the file name without .yaml
 * @param funder who publishes the calls (shown to users)
 * @param kind how to read it: html, rss, atom, json-api, xml, csv or markdown
 * @param url the listing's address (first page); may hold ${page}
 * @param language ISO 639-1 code of the calls, or null (or "detect") to detect it per
 * call
 * @param schedule when to crawl
 * @param checked what of this definition was checked against real data, and how
 * @param politeness overrides of the crawler's manners for this source, or null
 * @param allowedHosts the hosts the crawler may visit for this source; by default the
 * hosts of {@code url} and {@code detail.url}
 * @param request how the listing is asked for (method, body), or null for a plain GET
 * @param pagination how further listing pages are reached, or null for one page
 * @param items where each call is in a listing page: a CSS selector (html, markdown), a
 * path (json-api) or an element name (xml); csv rows and feed entries need none
 * @param fields where each field of a call is, by field name (id, title, link, summary,
 * published and the structured fields such as deadline or applicantTypes)
 * @param detail the call's own page or API record, read for each item, or null
 * @param filter which items are kept, or null to keep all
 * @param limits size caps above the crawler's defaults (large extracts), or null
 * @param documents which links of the listing item and the detail page are attached
 * documents (bases, terms of reference) to read, or null to read none
 */
record SourceDefinition(String id, String funder, String kind, String url, String language, Schedule schedule,
		String checked, Politeness politeness, List<String> allowedHosts, Request request, Pagination pagination,
		String items, Map<String, FieldSpec> fields, Detail detail, Filter filter, Limits limits, Documents documents) {

	SourceDefinition {
		fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** A source that reads no attached documents. */
	SourceDefinition(String id, String funder, String kind, String url, String language, Schedule schedule,
			String checked, Politeness politeness, List<String> allowedHosts, Request request, Pagination pagination,
			String items, Map<String, FieldSpec> fields, Detail detail, Filter filter, Limits limits) {
		this(id, funder, kind, url, language, schedule, checked, politeness, allowedHosts, request, pagination, items,
				fields, detail, filter, limits, null);
	}

	/** The delay between requests to this source's hosts, or null for the default. */
	Duration hostDelay() {
		return this.politeness == null || this.politeness.delaySeconds() == null ? null
				: Duration.ofSeconds(this.politeness.delaySeconds());
	}

	/** The language to store, or null to detect it per call. */
	String declaredLanguage() {
		return this.language == null || "detect".equals(this.language) ? null : this.language;
	}

	/** The hosts this source may visit: the declared ones, else those of its URLs. */
	Set<String> hosts() {
		Set<String> hosts = new LinkedHashSet<>();
		if (this.allowedHosts != null && !this.allowedHosts.isEmpty()) {
			this.allowedHosts.forEach(host -> hosts.add(host.toLowerCase(java.util.Locale.ROOT)));
			return hosts;
		}
		addHost(hosts, this.url);
		if (this.detail != null) {
			addHost(hosts, this.detail.url());
		}
		return hosts;
	}

	private static void addHost(Set<String> hosts, String template) {
		if (template == null || template.startsWith("${")) {
			return;
		}
		try {
			String host = URI.create(Templates.blank(template)).getHost();
			if (host != null) {
				hosts.add(host.toLowerCase(java.util.Locale.ROOT));
			}
		}
		catch (IllegalArgumentException ex) {
			// Reported by validation; an invalid URL names no host.
		}
	}

	/**
	 * @param delaySeconds seconds between two requests to the host (at least 1)
	 */
	record Politeness(Integer delaySeconds) {
	}

	/**
	 * @param cron Quartz cron expression (seconds first)
	 * @param zone time zone of the cron expression, America/Lima by default
	 */
	record Schedule(String cron, String zone) {
	}

	/**
	 * How a page is asked for. Bodies and form parts may hold ${page}, ${offset} and
	 * ${size} (listing) or ${field} of the item (detail).
	 *
	 * @param method GET (default) or POST
	 * @param body the request body, for POST
	 * @param contentType the body's media type (application/json by default)
	 * @param form multipart form parts, for POST APIs that take them (the EU portal)
	 */
	record Request(String method, String body, String contentType, Map<String, String> form) {

		boolean post() {
			return "POST".equals(this.method);
		}

	}

	/**
	 * Pagination by a next link, or by a page number or offset that the URL or body carry
	 * as ${page} / ${offset}.
	 *
	 * @param next where the next page's link is (CSS selector with @attr, or a path)
	 * @param start the first page number (default 1) — or first offset (default 0)
	 * @param size items per page, for ${offset} and ${size}
	 * @param maxPages at most this many listing pages per run (the cap)
	 * @param total where the listing says how many items it has, to stop in time
	 */
	record Pagination(String next, Integer start, Integer size, Integer maxPages, String total) {

		int firstPage() {
			return this.start == null ? 1 : this.start;
		}

		int pageCap() {
			return this.maxPages == null ? 10 : this.maxPages;
		}

	}

	/**
	 * The item's own page or API record.
	 *
	 * @param url template of its address (${id}, ${link} or any field); by default the
	 * item's link
	 * @param request how to ask for it (POST APIs)
	 * @param items where the record is inside the response (json-api), by default the
	 * whole document
	 * @param fields fields read from the detail, which win over the listing's
	 */
	record Detail(String url, Request request, String items, Map<String, FieldSpec> fields) {

		Detail {
			fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}

	}

	/**
	 * @param keepIf an item is kept only when one of these holds (none: all are kept)
	 * @param dropIf an item is dropped when one of these holds
	 */
	record Filter(List<Condition> keepIf, List<Condition> dropIf) {

		Filter {
			keepIf = keepIf == null ? List.of() : List.copyOf(keepIf);
			dropIf = dropIf == null ? List.of() : List.copyOf(dropIf);
		}

	}

	/**
	 * @param field a field name of the mapping (title, applicantTypes...)
	 * @param matches a regular expression one of the field's values must contain
	 */
	record Condition(String field, String matches) {
	}

	/**
	 * @param maxBodyMegabytes largest response accepted for this source
	 * @param maxUncompressedMegabytes largest content of a zipped response
	 * @param maxItems at most this many items per run
	 * @param requestDeadlineSeconds the longest one request may take, for a large extract
	 * (the crawler's default otherwise)
	 * @param runDeadlineMinutes the longest one run may take (the crawler's default
	 * otherwise)
	 */
	record Limits(Integer maxBodyMegabytes, Integer maxUncompressedMegabytes, Integer maxItems,
			Integer requestDeadlineSeconds, Integer runDeadlineMinutes) {
	}

	/**
	 * Attached documents (PDF, DOCX, ODT) read with the call, html and markdown sources
	 * only. Their text reaches the reader as {@code RawField.DOCUMENT}, each page opened
	 * by a marker {@code [name, p. n]}.
	 *
	 * @param links a CSS selector of the links (elements with an href) inside the listing
	 * item and the detail page; every link it finds is fetched and the downloaded bytes
	 * tell whether it is a PDF, DOCX or ODT. By default, the links whose address ends in
	 * .pdf, .docx or .odt.
	 * @param maxDocuments documents read per call at most (default 5)
	 * @param maxMegabytes the largest document downloaded, in MB (default 20)
	 * @param maxPages pages read of one document at most (default 200)
	 */
	record Documents(String links, Integer maxDocuments, Integer maxMegabytes, Integer maxPages) {

		static final String DEFAULT_LINKS = "a[href~=(?i)\\.(pdf|docx|odt)(\\?.*|#.*)?$]";

		String selector() {
			return this.links == null || this.links.isBlank() ? DEFAULT_LINKS : this.links;
		}

		int documentCap() {
			return this.maxDocuments == null ? 5 : this.maxDocuments;
		}

		long byteCap() {
			return (this.maxMegabytes == null ? 20 : this.maxMegabytes) * 1024L * 1024L;
		}

		int pageCap() {
			return this.maxPages == null ? 200 : this.maxPages;
		}

	}

}
