package pe.gob.munlima.convoca.crawl;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.changes.Change;
import pe.gob.munlima.convoca.changes.ChangeFollower;
import pe.gob.munlima.convoca.changes.ChangeLog;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Picks up source definitions added, edited or removed in the crawler folder without a
 * restart: the catalog is read again and the Quartz jobs follow it. An edit found here is
 * announced in the change log, and an edit announced by another node makes this node look
 * at its folder at once ({@link ChangeFollower}) rather than at its next check: on a
 * folder the nodes share, every node runs the edited definition within a moment.
 */
@Component
class CrawlerFolderWatcher implements ChangeFollower, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CrawlerFolderWatcher.class);

	private final SourceCatalog catalog;

	private final CrawlScheduler scheduler;

	private final CrawlProperties properties;

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "crawler-folder-watcher"));

	private final ChangeLog changes;

	private volatile String seen;

	CrawlerFolderWatcher(SourceCatalog catalog, CrawlScheduler scheduler, CrawlProperties properties,
			ChangeLog changes) {
		this.catalog = catalog;
		this.scheduler = scheduler;
		this.properties = properties;
		this.changes = changes;
	}

	@Override
	public String name() {
		return "source definitions";
	}

	@Override
	public Set<Change.Kind> kinds() {
		return Set.of(Change.Kind.SOURCES);
	}

	@Override
	public OptionalLong resumeAfter() {
		return OptionalLong.empty();
	}

	@Override
	public void apply(List<Change> changes) {
		if (this.seen != null) {
			check();
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.seen = this.catalog.fingerprint();
		long millis = this.properties.watchInterval().toMillis();
		if (millis > 0) {
			this.executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	synchronized void check() {
		try {
			String now = this.catalog.fingerprint();
			if (!now.equals(this.seen)) {
				this.seen = now;
				this.catalog.reload();
				this.scheduler.synchronise();
				this.changes.append(Change.Kind.SOURCES, null);
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
