package pe.gob.munlima.convoca.crawl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs a source in the background when a user asks from the sources page, so the page
 * answers at once and follows the run's progress instead of waiting for a slow funder.
 * One run per source at a time: asking again while it runs does nothing.
 */
@Component
class SourceRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);

	private final CrawlService crawler;

	/** Two at once at most: the office rarely runs more, and the machine is small. */
	private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "source-run");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	SourceRunner(CrawlService crawler) {
		this.crawler = crawler;
	}

	/**
	 * @return false when the source is already running
	 */
	boolean start(String sourceId) {
		if (!this.running.add(sourceId)) {
			return false;
		}
		this.workers.submit(() -> {
			try {
				this.crawler.run(sourceId);
			}
			catch (CrawlService.SourceBusyException ex) {
				// The schedule started it first; the page follows that run instead.
				log.info("Source {} was already running when a user asked for a run", sourceId);
			}
			catch (RuntimeException ex) {
				log.error("Run of source {} requested from the page failed", sourceId, ex);
			}
			finally {
				this.running.remove(sourceId);
			}
		});
		return true;
	}

	boolean isRunning(String sourceId) {
		return this.running.contains(sourceId);
	}

	@Override
	public void destroy() {
		this.workers.shutdownNow();
	}

}
