package pe.gob.munlima.convoca.crawl;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallIntake;
import pe.gob.munlima.convoca.call.CallPreview;
import pe.gob.munlima.convoca.call.IntakeResult;
import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.SourceInfo;

import org.springframework.stereotype.Service;

/**
 * Runs one source: fetch, read, hand the raw calls to the call module, and record the
 * run. A failure is recorded with its message; calls stored before it stay stored.
 */
@Service
class CrawlService {

	private static final Logger log = LoggerFactory.getLogger(CrawlService.class);

	static final ZoneId LIMA = ZoneId.of("America/Lima");

	static final int FAILURES_FOR_DOWN = 3;

	private final SourceCatalog catalog;

	private final Fetcher fetcher;

	private final CallIntake intake;

	private final CrawlRuns runs;

	private final Clock clock;

	CrawlService(SourceCatalog catalog, Fetcher fetcher, CallIntake intake, CrawlRuns runs, Clock clock) {
		this.catalog = catalog;
		this.fetcher = fetcher;
		this.intake = intake;
		this.runs = runs;
		this.clock = clock;
	}

	RunReport run(String sourceId) {
		SourceDefinition source = this.catalog.find(sourceId).orElseThrow(() -> new UnknownSourceException(sourceId));
		CrawlRun run = this.runs.save(new CrawlRun(sourceId, this.clock.instant()));
		try {
			Fetched fetched = this.fetcher.fetch(source.url(), source.hostDelay(), true);
			if (!fetched.changed()) {
				run.unchanged(fetched.unchangedBy(), this.clock.instant());
				log.info("Source {}: unchanged since the last run ({})", sourceId, fetched.unchangedBy());
				return this.runs.save(run).report();
			}
			List<RawCall> items = FeedReader.read(fetched.body(), source.url());
			IntakeResult result = this.intake.ingest(info(source), items);
			this.fetcher.remember(source.url(), fetched);
			run.succeeded(result.received(), result.created(), result.updated(),
					result.errors().isEmpty() ? null : String.join("\n", result.errors()), this.clock.instant());
			log.info("Source {}: {} items, {} new, {} updated, {} unchanged", sourceId, result.received(),
					result.created(), result.updated(), result.unchanged());
		}
		catch (FetchException ex) {
			log.warn("Source {} failed: {}", sourceId, ex.getMessage());
			run.failed(ex.getMessage(), this.clock.instant());
		}
		return this.runs.save(run).report();
	}

	/** Fetches and extracts a source without storing anything, to check a definition. */
	List<CallPreview> test(String sourceId) {
		SourceDefinition source = this.catalog.find(sourceId).orElseThrow(() -> new UnknownSourceException(sourceId));
		byte[] body = this.fetcher.fetch(source.url(), source.hostDelay(), false).body();
		return this.intake.preview(info(source), FeedReader.read(body, source.url()));
	}

	/**
	 * A source whose last {@value #FAILURES_FOR_DOWN} runs all failed is DOWN; one that
	 * never ran is NEVER_RUN.
	 */
	SourceStatus status(String sourceId) {
		List<CrawlRun> recent = this.runs.findTop20BySourceIdOrderByStartedAtDesc(sourceId);
		if (recent.isEmpty()) {
			return new SourceStatus(sourceId, "NEVER_RUN", null, 0);
		}
		int failures = 0;
		for (CrawlRun run : recent) {
			if (!"FAILED".equals(run.report().status())) {
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
		return this.intake.ingest(source, FeedReader.read(body, fileName));
	}

	static SourceInfo info(SourceDefinition source) {
		ZoneId zone = source.schedule().zone() == null ? LIMA : ZoneId.of(source.schedule().zone());
		return new SourceInfo(source.id(), source.funder(), source.language(), zone);
	}

	List<RunReport> runs(String sourceId) {
		return this.runs.findTop20BySourceIdOrderByStartedAtDesc(sourceId).stream().map(CrawlRun::report).toList();
	}

	/** No definition with that id is loaded. */
	static class UnknownSourceException extends RuntimeException {

		UnknownSourceException(String id) {
			super("No existe la fuente " + id);
		}

	}

}
