package pe.gob.munlima.convoca.crawl;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Picks up source definitions added, edited or removed in the crawler folder without a
 * restart: the catalog is read again and the Quartz jobs follow it.
 */
@Component
class CrawlerFolderWatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CrawlerFolderWatcher.class);

	private final SourceCatalog catalog;

	private final CrawlScheduler scheduler;

	private final CrawlProperties properties;

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "crawler-folder-watcher"));

	private volatile String seen;

	CrawlerFolderWatcher(SourceCatalog catalog, CrawlScheduler scheduler, CrawlProperties properties) {
		this.catalog = catalog;
		this.scheduler = scheduler;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.seen = this.catalog.fingerprint();
		long millis = this.properties.watchInterval().toMillis();
		if (millis > 0) {
			this.executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	void check() {
		try {
			String now = this.catalog.fingerprint();
			if (!now.equals(this.seen)) {
				this.seen = now;
				this.catalog.reload();
				this.scheduler.synchronise();
			}
		}
		catch (Exception ex) {
			log.warn("Crawler folder check failed: {}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
