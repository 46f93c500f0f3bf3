package pe.gob.munlima.convoca.crawl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each source's state in the health details. A funder whose site is down does not make
 * Convoca unhealthy, so the component stays UP and names the sources that are DOWN, and
 * the definitions that were skipped.
 */
@Component("sources")
class SourcesHealthIndicator implements HealthIndicator {

	private final SourceCatalog catalog;

	private final CrawlService crawler;

	SourcesHealthIndicator(SourceCatalog catalog, CrawlService crawler) {
		this.catalog = catalog;
		this.crawler = crawler;
	}

	@Override
	public Health health() {
		Map<String, String> states = new LinkedHashMap<>();
		this.catalog.all().forEach(source -> states.put(source.id(), this.crawler.status(source.id()).state()));
		return Health.up()
			.withDetails(Map.of("sources", states, "invalidDefinitions", this.catalog.problems().size()))
			.build();
	}

}
