package pe.gob.munlima.convoca.crawl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.RawField;

import org.springframework.stereotype.Component;

/**
 * Crawls one source: the listing page by page (next link or page number, up to the cap),
 * each item's detail when the definition has one, every request through the polite
 * {@link Fetcher}; items are mapped, filtered and handed over in batches as each page is
 * read, so a run that dies half-way has already stored what it read. A listing whose
 * first page cannot be read fails the run; a later page, an item or a detail that fails
 * is recorded in the progress and the run goes on.
 */
@Component
class SourceCrawler {

	/**
	 * Calls handed over at once; a page's calls are always handed over before the next.
	 */
	static final int BATCH = 100;

	private static final long DEFAULT_MAX_UNCOMPRESSED = 512L * 1024 * 1024;

	private static final int DEFAULT_MAX_ITEMS = 100_000;

	private final Fetcher fetcher;

	private final Extractors extractors;

	private final Clock clock;

	SourceCrawler(Fetcher fetcher, Extractors extractors, Clock clock) {
		this.fetcher = fetcher;
		this.extractors = extractors;
		this.clock = clock;
	}

	/**
	 * @param conditional an unchanged document ends the run (a scheduled run); false
	 * always reads (a test of the definition)
	 * @throws FetchException when the listing's first page cannot be fetched
	 * @throws ExtractionException when the listing's first page cannot be read
	 */
	void crawl(SourceDefinition source, boolean conditional, CrawlProgress progress, Consumer<List<RawCall>> sink) {
		// Only a source that is one document (a feed, an extract, a one-page API) may end
		// as "unchanged": a paged or detailed listing is read whole every time, because
		// new items may sit on any page, details change on their own, and only a complete
		// listing tells which calls are gone.
		boolean oneDocument = source.pagination() == null && source.detail() == null;
		// Detail pages are asked conditionally on a scheduled run: an unchanged one
		// answers
		// 304 (or hashes the same) and its fields from the last reading are reused.
		new Run(source, conditional, progress, sink, null).listing(conditional && oneDocument);
	}

	/**
	 * Crawls a source whose pages are read whole by another module (kind iati): the same
	 * fetching, paging, caps, deadlines and record as any source; each page's body goes
	 * to the reader instead of the extractor of a kind.
	 */
	void crawlPages(SourceDefinition source, boolean conditional, CrawlProgress progress, BodyReader reader) {
		boolean oneDocument = source.pagination() == null;
		new Run(source, conditional, progress, batch -> {
		}, reader).listing(conditional && oneDocument);
	}

	/** The state of one crawl of one source. */
	private final class Run {

		private final SourceDefinition source;

		private final Kind kind;

		private final Extractor extractor;

		private final ItemMapper mapper;

		private final Requests requests;

		private final CrawlProgress progress;

		private final Consumer<List<RawCall>> sink;

		private final Map<String, FieldSpec> fields;

		private final boolean keepAll;

		/** Whether unchanged detail pages may be skipped (a scheduled run). */
		private final boolean conditional;

		private final long maxUncompressed;

		private final int maxItems;

		private final Deadline deadline;

		private final List<RawCall> batch = new ArrayList<>();

		/** The call's attached documents, or null when the source reads none. */
		private final Attachments attachments;

		/**
		 * Items already read in this run: a listing that shifts while paging repeats
		 * some.
		 */
		private final Set<String> seen = new HashSet<>();

		/** Reads whole pages instead of the extractor (kind iati), or null. */
		private final BodyReader reader;

		Run(SourceDefinition source, boolean conditional, CrawlProgress progress, Consumer<List<RawCall>> sink,
				BodyReader reader) {
			this.source = source;
			this.reader = reader;
			this.conditional = conditional;
			this.kind = Kind.of(source.kind()).orElseThrow();
			this.extractor = SourceCrawler.this.extractors.of(this.kind);
			this.mapper = SourceCrawler.this.extractors.mapper();
			this.requests = new Requests(source);
			this.progress = progress;
			this.sink = sink;
			this.fields = ItemMapper.fields(this.kind, source.fields());
			this.keepAll = this.kind == Kind.JSON_API || this.kind == Kind.CSV || this.kind.feed();
			SourceDefinition.Limits limits = source.limits();
			this.maxUncompressed = limits == null || limits.maxUncompressedMegabytes() == null
					? DEFAULT_MAX_UNCOMPRESSED : limits.maxUncompressedMegabytes() * 1024L * 1024L;
			this.maxItems = limits == null || limits.maxItems() == null ? DEFAULT_MAX_ITEMS : limits.maxItems();
			this.deadline = Deadline.after(limits == null || limits.runDeadlineMinutes() == null
					? SourceCrawler.this.fetcher.runDeadline() : Duration.ofMinutes(limits.runDeadlineMinutes()));
			this.attachments = source.documents() == null ? null
					: new Attachments(source, SourceCrawler.this.fetcher, this.deadline, progress, conditional);
		}

		void listing(boolean conditional) {
			SourceDefinition.Pagination pagination = this.source.pagination();
			int cap = pagination == null ? 1 : pagination.pageCap();
			String next = null;
			String previousPage = null;
			for (int n = 0; n < cap; n++) {
				FetchRequest request = next != null ? this.requests.next(next)
						: this.requests.listing(pageValues(pagination, n), conditional && n == 0);
				Page page;
				try {
					page = page(request, n == 0 && conditional);
				}
				catch (DeadlineExceededException ex) {
					// What was read is kept; the rest of the listing was not, so nothing
					// may be closed as gone.
					flush();
					if (this.progress.itemsFound() == 0) {
						throw ex;
					}
					this.progress.error(request.uri().toString(), ex.getMessage());
					this.progress.incomplete();
					return;
				}
				catch (FetchException | ExtractionException ex) {
					if (n == 0) {
						throw ex;
					}
					this.progress.error(request.uri().toString(), "página " + (n + 1) + ": " + ex.getMessage());
					this.progress.incomplete();
					return;
				}
				if (page == null) {
					return;
				}
				if (page.items() == 0 || page.signature().equals(previousPage)) {
					return;
				}
				previousPage = page.signature();
				if (this.progress.itemsFound() >= this.maxItems) {
					this.progress.error(this.source.url(), "se alcanzó el tope de " + this.maxItems + " ítems");
					this.progress.incomplete();
					return;
				}
				if (pagination == null || lastPage(pagination, page)) {
					return;
				}
				if (pagination.next() != null) {
					next = page.info().next();
					if (next == null) {
						return;
					}
					if (!this.source.hosts().contains(host(next))) {
						this.progress.error(next,
								"la página siguiente está en otro host que la definición no nombra; no se sigue");
						this.progress.incomplete();
						return;
					}
				}
				if (n == cap - 1) {
					this.progress.error(this.source.url(), "se alcanzó el tope de " + cap
							+ " páginas (pagination.maxPages); el resto del listado no se leyó");
					this.progress.incomplete();
				}
			}
		}

		private boolean lastPage(SourceDefinition.Pagination pagination, Page page) {
			Long total = page.info().total();
			if (total != null && this.progress.itemsFound() >= total) {
				return true;
			}
			return pagination.next() == null && pagination.size() != null && page.items() < pagination.size();
		}

		/**
		 * One listing page: fetched, read, its calls handed over. Null when unchanged.
		 */
		private Page page(FetchRequest request, boolean conditional) {
			try (Fetched fetched = SourceCrawler.this.fetcher.fetch(request, this.deadline)) {
				this.progress.pageFetched();
				if (!fetched.changed()) {
					this.progress.unchanged(fetched.unchangedBy());
					return null;
				}
				if (this.reader != null) {
					BodyReader.PageRead read = this.reader.read(fetched.body(), request.uri());
					this.progress.itemsFound(read.items());
					if (conditional) {
						SourceCrawler.this.fetcher.remember(fetched);
					}
					// The content hash tells a page from the previous one: a server that
					// answers every offset with the same page ends the listing.
					return new Page(read.items(), fetched.state().contentHash(),
							new Extractor.PageInfo(null, read.total()));
				}
				List<String> ids = new ArrayList<>();
				Extractor.Reading reading = new Extractor.Reading(request.uri(), this.source.items(),
						this.source.pagination() == null ? null : this.source.pagination().next(),
						this.source.pagination() == null ? null : this.source.pagination().total(),
						this.maxUncompressed);
				Extractor.PageInfo info = this.extractor.read(fetched.body(), reading, item -> {
					// A long extract is read within the run's deadline too.
					if (this.deadline.passed()) {
						throw Fetcher.runOver(request.uri(), this.deadline);
					}
					if (this.progress.itemsFound() < this.maxItems) {
						item(item, ids);
					}
				});
				flush();
				if (conditional) {
					SourceCrawler.this.fetcher.remember(fetched);
				}
				return new Page(ids.size(), String.join("\n", ids), info);
			}
		}

		/**
		 * Maps, completes and filters one item; its problems are the item's, not the
		 * run's.
		 */
		private void item(Item item, List<String> ids) {
			Map<String, List<String>> values = this.mapper.values(item, this.fields, this.keepAll);
			if (this.attachments != null) {
				values = withLinks(values, this.attachments.links(item));
			}
			String where = where(values);
			if (!this.seen.add(where)) {
				return;
			}
			this.progress.itemFound();
			ids.add(where);
			try {
				if (this.source.detail() != null) {
					values = detail(values, where);
				}
				if (!this.mapper.kept(values, this.source.filter())) {
					this.progress.itemFiltered();
					return;
				}
				List<String> links = values.getOrDefault(Attachments.LINKS_FIELD, List.of());
				RawCall call = this.mapper.call(values);
				if (this.attachments != null && !links.isEmpty()) {
					// Read only for a call that is kept: a filtered item costs no
					// downloads.
					call = withDocuments(call, this.attachments.read(links, where));
				}
				this.batch.add(call);
				if (this.batch.size() >= BATCH) {
					flush();
				}
			}
			catch (DeadlineExceededException ex) {
				throw ex;
			}
			catch (ExtractionException | FetchException ex) {
				this.progress.error(where, ex.getMessage());
			}
		}

		private Map<String, List<String>> detail(Map<String, List<String>> listing, String where) {
			return detail(listing, where, this.conditional);
		}

		private Map<String, List<String>> detail(Map<String, List<String>> listing, String where, boolean conditional) {
			FetchRequest request = this.requests.detail(ItemMapper.placeholders(listing), conditional);
			if (!this.source.hosts().contains(host(request.uri().toString()))) {
				this.progress.error(where,
						"el enlace " + request.uri() + " está en un host que la definición no nombra "
								+ this.source.hosts() + "; no se sigue (se guarda lo que dice el listado)");
				return listing;
			}
			Map<String, List<String>> found = new HashMap<>();
			try (Fetched fetched = SourceCrawler.this.fetcher.fetch(request, this.deadline)) {
				this.progress.pageFetched();
				if (!fetched.changed()) {
					Optional<Map<String, List<String>>> before = SourceCrawler.this.fetcher.reading(fetched);
					if (before.isPresent()) {
						this.progress.detailUnchanged();
						return merge(listing, before.get());
					}
					// Unchanged, but what it said was not kept: read it again in full.
					return detail(listing, where, false);
				}
				Extractor.Reading reading = new Extractor.Reading(request.uri(), this.source.detail().items(), null,
						null, this.maxUncompressed);
				this.extractor.read(fetched.body(), reading, item -> {
					if (found.isEmpty()) {
						found.putAll(this.mapper.values(item, this.source.detail().fields(), this.keepAll));
						if (this.attachments != null) {
							// Kept with the page's fields, so an unchanged page still
							// gives them.
							found.putAll(withLinks(Map.of(), this.attachments.links(item)));
						}
					}
				});
				if (this.conditional) {
					SourceCrawler.this.fetcher.remember(fetched, found);
				}
			}
			return merge(listing, found);
		}

		/**
		 * The detail's fields win over the listing's; document links of both are kept.
		 */
		private static Map<String, List<String>> merge(Map<String, List<String>> listing,
				Map<String, List<String>> found) {
			List<String> listed = listing.getOrDefault(Attachments.LINKS_FIELD, List.of());
			Map<String, List<String>> merged = ItemMapper.merge(listing, found);
			List<String> detailed = found.getOrDefault(Attachments.LINKS_FIELD, List.of());
			if (!listed.isEmpty() && !detailed.isEmpty()) {
				// Documents linked from the listing and from the detail page are all
				// read.
				List<String> both = new ArrayList<>(listed);
				both.addAll(detailed);
				merged = withLinks(merged, both);
			}
			return merged;
		}

		private static Map<String, List<String>> withLinks(Map<String, List<String>> values, List<String> links) {
			if (links.isEmpty()) {
				return values;
			}
			Map<String, List<String>> with = new HashMap<>(values);
			with.put(Attachments.LINKS_FIELD, List.copyOf(links));
			return with;
		}

		private static RawCall withDocuments(RawCall call, List<String> documents) {
			if (documents.isEmpty()) {
				return call;
			}
			Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
			fields.putAll(call.fields());
			fields.put(RawField.DOCUMENT, List.copyOf(documents));
			return new RawCall(call.externalId(), call.title(), call.link(), call.summaryHtml(), call.publishedAt(),
					fields);
		}

		private void flush() {
			if (!this.batch.isEmpty()) {
				this.sink.accept(List.copyOf(this.batch));
				this.batch.clear();
			}
		}

		private Map<String, String> pageValues(SourceDefinition.Pagination pagination, int n) {
			Map<String, String> values = new LinkedHashMap<>();
			// Daily extracts are named by date (GrantsDBExtract20261120v2.zip), in the
			// source's zone.
			values.put("today", LocalDate.now(SourceCrawler.this.clock.withZone(CrawlService.info(this.source).zone()))
				.format(DateTimeFormatter.BASIC_ISO_DATE));
			if (pagination == null) {
				return values;
			}
			int size = pagination.size() == null ? 0 : pagination.size();
			values.put("page", String.valueOf(pagination.firstPage() + n));
			values.put("offset", String.valueOf((pagination.start() == null ? 0 : pagination.start()) + n * size));
			values.put("size", String.valueOf(size));
			return values;
		}

		private static String where(Map<String, List<String>> values) {
			for (String name : List.of(FieldNames.ID, "reference", FieldNames.LINK, FieldNames.TITLE)) {
				List<String> found = values.get(name);
				if (found != null && !found.isEmpty()) {
					return found.get(0);
				}
			}
			return "(ítem sin id)";
		}

		private static String host(String url) {
			try {
				String host = URI.create(url).getHost();
				return host == null ? "" : host.toLowerCase(Locale.ROOT);
			}
			catch (IllegalArgumentException ex) {
				return "";
			}
		}

	}

	/**
	 * @param items how many items the page had
	 * @param signature their ids, to notice a site that serves the same page for every
	 * page number
	 */
	private record Page(int items, String signature, Extractor.PageInfo info) {
	}

}
