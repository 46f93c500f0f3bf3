package pe.gob.munlima.convoca.crawl;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.IntakeResult;
import pe.gob.munlima.convoca.call.SourceInfo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Imports the demo feed (classpath demo/convocatorias-demo.xml) through the same import
 * path the office uses for feeds received by e-mail, so the demo shows calls with no
 * internet. Calls are upserted by key: a restart stores nothing twice.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("convoca.demo.enabled")
class DemoFeedLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoFeedLoader.class);

	private final CrawlService crawler;

	DemoFeedLoader(CrawlService crawler) {
		this.crawler = crawler;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		byte[] feed = new ClassPathResource("demo/convocatorias-demo.xml").getContentAsByteArray();
		IntakeResult result = this.crawler.importFeed(feed, "demo/convocatorias-demo.xml",
				new SourceInfo("demo", "Convocatorias de demostración", null, CrawlService.LIMA));
		log.info("Demo feed: {} calls, {} new, {} updated", result.received(), result.created(), result.updated());
	}

}
