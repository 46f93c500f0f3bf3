package pe.gob.munlima.convoca.crawl;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallIntake;
import pe.gob.munlima.convoca.call.CallPreview;
import pe.gob.munlima.convoca.call.IntakeResult;
import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.SourceInfo;
import pe.gob.munlima.convoca.iati.IatiImport;

import org.springframework.stereotype.Service;

/**
 * Runs one source: crawl, hand each page's raw calls to the call module as they are read,
 * and record the run as it goes. A failure is recorded with its message; calls stored
 * before it stay stored. Never two runs of one source at once on this node.
 */
@Service
class CrawlService {

	private static final Logger log = LoggerFactory.getLogger(CrawlService.class);

	/** Kinds that show only the latest items: never a complete listing. */
	private static final Set<String> FEEDS = Set.of("rss", "atom");

	static final ZoneId LIMA = ZoneId.of("America/Lima");

	static final int FAILURES_FOR_DOWN = 3;

	private final SourceCatalog catalog;

	private final SourceCrawler crawler;

	private final CallIntake intake;

	private final CrawlRuns runs;

	private final Clock clock;

	private final Extractors extractors;

	private final IatiImport iati;

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	CrawlService(SourceCatalog catalog, SourceCrawler crawler, CallIntake intake, CrawlRuns runs, Clock clock,
			Extractors extractors, IatiImport iati) {
		this.iati = iati;
		this.catalog = catalog;
		this.crawler = crawler;
		this.intake = intake;
		this.runs = runs;
		this.clock = clock;
		this.extractors = extractors;
	}

	RunReport run(String sourceId) {
		SourceDefinition source = this.catalog.find(sourceId).orElseThrow(() -> new UnknownSourceException(sourceId));
		if (!this.running.add(sourceId)) {
			throw new SourceBusyException(sourceId);
		}
		try {
			markInterrupted(sourceId);
			return runNow(source);
		}
		finally {
			this.running.remove(sourceId);
		}
	}

	/**
	 * Takes the source for a background import: no run of it may start meanwhile.
	 * @return false when it is being crawled or imported
	 */
	boolean claim(String sourceId) {
		return this.running.add(sourceId);
	}

	void release(String sourceId) {
		this.running.remove(sourceId);
	}

	private RunReport runNow(SourceDefinition source) {
		CrawlRun run = this.runs.save(new CrawlRun(source.id(), this.clock.instant()));
		CrawlProgress progress = new CrawlProgress();
		SourceInfo info = info(source);
		AtomicReference<CrawlRun.Counts> counts = new AtomicReference<>(CrawlRun.Counts.NONE);
		Set<String> listed = new HashSet<>();
		boolean activities = Kind.IATI.label().equals(source.kind());
		try {
			if (activities) {
				// IATI activities are not calls: the iati module stores them, and the run
				// records what it read and stored, part by part.
				this.crawler.crawlPages(source, true, progress, new IatiPages(this.iati, source.id(), report -> {
					counts.set(IatiPages.counts(report));
					run.progress(progress, counts.get());
					run.tallies(IatiPages.tallies(report));
					this.runs.save(run);
				}));
			}
			else {
				this.crawler.crawl(source, true, progress, batch -> {
					batch.forEach(item -> listed.add(item.externalId()));
					IntakeResult result = this.intake.ingest(info, batch);
					counts.set(counts.get()
						.plus(result.created(), result.updated(), result.unchanged(), result.closed(),
								result.errors()));
					// Saved after every page: a run that dies half-way still says what it
					// did.
					run.progress(progress, counts.get());
					this.runs.save(run);
				});
			}
			run.progress(progress, counts.get());
			if (progress.unchangedBy() != null) {
				run.unchanged(progress.unchangedBy(), this.clock.instant());
				log.info("Source {}: unchanged since the last run ({})", source.id(), progress.unchangedBy());
			}
			else {
				if (progress.complete() && !FEEDS.contains(source.kind()) && !activities) {
					// Every page of the listing was read: a call of this source it no
					// longer has is closed (unless its funder's own source still lists
					// it). A feed shows only its latest items, so an item that left it
					// may still be open.
					int closed = this.intake.closeMissing(info, listed);
					counts.set(counts.get().plus(0, 0, 0, Math.max(0, closed), List.of()));
					run.progress(progress, counts.get());
				}
				run.finished(progress.complete(), this.clock.instant());
				log.info("Source {}: {} pages ({} unchanged details reused), {} items, {} new, {} updated, {} errors",
						source.id(), progress.pagesFetched(), progress.detailsUnchanged(), progress.itemsFound(),
						counts.get().created(), counts.get().updated(),
						progress.errorCount() + counts.get().errors().size());
			}
		}
		catch (FetchException | ExtractionException ex) {
			log.warn("Source {} failed: {}", source.id(), ex.getMessage());
			run.progress(progress, counts.get());
			run.failed(ex.getMessage(), this.clock.instant());
		}
		catch (RuntimeException | VirtualMachineError ex) {
			// A bug, or a heap (or stack) a hostile page exhausted despite the caps: the
			// run must still end, not stay RUNNING until the next one.
			log.error("Source {} failed unexpectedly", source.id(), ex);
			run.progress(progress, counts.get());
			run.failed("error inesperado al leer la fuente (" + ex.getClass().getSimpleName()
					+ "); ver el registro del servicio", this.clock.instant());
			if (ex instanceof VirtualMachineError error) {
				this.runs.save(run);
				throw error;
			}
		}
		return this.runs.save(run).report();
	}

	/** Runs of this source left RUNNING by a crash: no run of it is going on here now. */
	private void markInterrupted(String sourceId) {
		for (CrawlRun stale : this.runs.findBySourceIdAndStatus(sourceId, CrawlRun.RUNNING)) {
			stale.interrupted(this.clock.instant());
			this.runs.save(stale);
		}
	}

	/** Fetches and extracts a source without storing anything, to check a definition. */
	SourceTestResult test(String sourceId) {
		SourceDefinition source = this.catalog.find(sourceId).orElseThrow(() -> new UnknownSourceException(sourceId));
		CrawlProgress progress = new CrawlProgress();
		if (Kind.IATI.label().equals(source.kind())) {
			// Read, not stored: what the file holds, part by part, in the errors' place.
			this.crawler.crawlPages(source, false, progress, new IatiPages(null, source.id(), report -> {
			}));
			return new SourceTestResult(source.id(), source.kind(), progress.pagesFetched(), progress.itemsFound(),
					progress.itemsFiltered(), progress.complete(), 0, progress.errors(), List.of());
		}
		List<RawCall> shown = new ArrayList<>();
		this.crawler.crawl(source, false, progress, batch -> {
			for (RawCall call : batch) {
				if (shown.size() < SourceTestResult.SHOWN) {
					shown.add(call);
				}
			}
		});
		List<CallPreview> previews = this.intake.preview(info(source), shown);
		List<SourceTestResult.TestedCall> calls = new ArrayList<>();
		for (int i = 0; i < shown.size(); i++) {
			RawCall raw = shown.get(i);
			calls.add(new SourceTestResult.TestedCall(raw.externalId(), raw.link(), raw(raw), previews.get(i)));
		}
		return new SourceTestResult(source.id(), source.kind(), progress.pagesFetched(), progress.itemsFound(),
				progress.itemsFiltered(), progress.complete(), calls.size(), progress.errors(), calls);
	}

	private static Map<String, List<String>> raw(RawCall call) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		FieldNames.RAW.forEach((name, field) -> {
			List<String> values = call.values(field);
			if (!values.isEmpty()) {
				fields.put(name, values);
			}
		});
		return fields;
	}

	/**
	 * A source whose last {@value #FAILURES_FOR_DOWN} runs all failed (or were
	 * interrupted) is DOWN; one that never ran is NEVER_RUN.
	 */
	SourceStatus status(String sourceId) {
		List<CrawlRun> recent = this.runs.findTop20BySourceIdOrderByStartedAtDescIdDesc(sourceId);
		if (recent.isEmpty()) {
			return new SourceStatus(sourceId, "NEVER_RUN", null, 0);
		}
		int failures = 0;
		for (CrawlRun run : recent) {
			if (!run.failedOrInterrupted()) {
				break;
			}
			failures++;
		}
		return new SourceStatus(sourceId, failures >= FAILURES_FOR_DOWN ? "DOWN" : "UP", recent.get(0).report(),
				failures);
	}

	/**
	 * Imports a feed file received by other means (e-mail, USB) as if the source had
	 * served it.
	 */
	IntakeResult importFeed(byte[] body, String fileName, SourceInfo source) {
		return this.intake.ingest(source, readFeed(body, fileName));
	}

	/** The calls of an RSS or Atom file, with the feed's default mapping. */
	List<RawCall> readFeed(byte[] body, String origin) {
		List<RawCall> calls = new ArrayList<>();
		ItemMapper mapper = this.extractors.mapper();
		Extractor.Reading reading = new Extractor.Reading(java.net.URI.create("file:///" + safe(origin)), null, null,
				null, 0);
		this.extractors.of(Kind.RSS)
			.read(Body.of(body), reading,
					item -> calls.add(mapper.call(mapper.values(item, ItemMapper.FEED_DEFAULTS, true))));
		return calls;
	}

	private static String safe(String origin) {
		return origin == null ? "import" : origin.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	static SourceInfo info(SourceDefinition source) {
		ZoneId zone = source.schedule() == null || source.schedule().zone() == null ? LIMA
				: ZoneId.of(source.schedule().zone());
		return new SourceInfo(source.id(), source.funder(), source.declaredLanguage(), zone);
	}

	List<RunReport> runs(String sourceId) {
		return this.runs.findTop20BySourceIdOrderByStartedAtDescIdDesc(sourceId)
			.stream()
			.map(CrawlRun::report)
			.toList();
	}

	/** No definition with that id is loaded. */
	static class UnknownSourceException extends RuntimeException {

		UnknownSourceException(String id) {
			super("No existe la fuente " + id);
		}

	}

	/** The source is being crawled right now. */
	static class SourceBusyException extends RuntimeException {

		SourceBusyException(String id) {
			super("La fuente " + id + " ya se está leyendo; espere a que termine");
		}

	}

}
