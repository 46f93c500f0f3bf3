package pe.gob.munlima.convoca.crawl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the crawling is going, for the other modules (the Panel): each source's state and
 * the last run of any source.
 */
@Service
@Transactional(readOnly = true)
public class CrawlActivity {

	private final SourceCatalog catalog;

	private final CrawlService crawler;

	private final CrawlRuns runs;

	CrawlActivity(SourceCatalog catalog, CrawlService crawler, CrawlRuns runs) {
		this.catalog = catalog;
		this.crawler = crawler;
		this.runs = runs;
	}

	/** Source id to UP, DOWN (the last three runs failed) or NEVER_RUN, sorted by id. */
	public Map<String, String> sourceStates() {
		Map<String, String> states = new LinkedHashMap<>();
		this.catalog.all()
			.stream()
			.map(SourceDefinition::id)
			.sorted()
			.forEach(id -> states.put(id, this.crawler.status(id).state()));
		return states;
	}

	/** The run started last, of whichever source; empty before any run. */
	public Optional<LastRun> lastRun() {
		return this.runs.findFirstByOrderByStartedAtDescIdDesc()
			.map(CrawlRun::report)
			.map(run -> new LastRun(run.sourceId(), run.startedAt(), run.finishedAt(), run.status(), run.callsNew(),
					run.callsUpdated()));
	}

	/**
	 * @param status RUNNING, SUCCEEDED, UNCHANGED, FAILED (and the kinds later issues
	 * add)
	 */
	public record LastRun(String sourceId, Instant startedAt, Instant finishedAt, String status, int callsNew,
			int callsUpdated) {
	}

}
