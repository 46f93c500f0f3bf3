package pe.gob.munlima.convoca.crawl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Which sources are failing, for the other modules (the weekly digest names them so that
 * a funder's silence is noticed).
 */
@Service
public class SourceHealth {

	private final SourceCatalog catalog;

	private final CrawlService crawler;

	SourceHealth(SourceCatalog catalog, CrawlService crawler) {
		this.catalog = catalog;
		this.crawler = crawler;
	}

	/** The sources whose last runs all failed (DOWN), by id. */
	public List<FailingSource> failing() {
		List<FailingSource> failing = new ArrayList<>();
		for (SourceDefinition source : this.catalog.all()) {
			SourceStatus status = this.crawler.status(source.id());
			if ("DOWN".equals(status.state())) {
				RunReport last = status.lastRun();
				failing.add(new FailingSource(source.id(), source.funder(), status.failuresInARow(),
						last == null ? null : last.startedAt(), last == null ? null : last.error()));
			}
		}
		return failing;
	}

	/**
	 * @param failuresInARow failed runs since the last one that succeeded
	 * @param lastRunAt when the last (failed) run started
	 * @param lastError what it failed with
	 */
	public record FailingSource(String sourceId, String funder, int failuresInARow, Instant lastRunAt,
			String lastError) {
	}

}
