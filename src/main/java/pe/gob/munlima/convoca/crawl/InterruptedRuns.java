package pe.gob.munlima.convoca.crawl;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, marks INTERRUPTED the runs a dead process left RUNNING (a kill -9, a power
 * cut), so the pages and the sources' health stop showing a run that nobody is doing. A
 * run of another machine is left alone: that node may still be crawling (Quartz runs
 * clustered); its next run of the source, or its own restart, settles it.
 */
@Component
class InterruptedRuns {

	private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

	private final CrawlRuns runs;

	private final Clock clock;

	InterruptedRuns(CrawlRuns runs, Clock clock) {
		this.runs = runs;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		mark();
	}

	/**
	 * @return how many runs were marked
	 */
	int mark() {
		int marked = 0;
		for (CrawlRun run : this.runs.findByStatus(CrawlRun.RUNNING)) {
			boolean dead = RunOwner.parse(run.owner()).map(RunOwner::deadOnThisHost).orElse(true);
			if (dead) {
				run.interrupted(this.clock.instant());
				this.runs.save(run);
				marked++;
				log.warn("Crawl run {} of source {} was left RUNNING by a process that is gone ({}): INTERRUPTED",
						run.id(), run.report().sourceId(), run.owner());
			}
		}
		return marked;
	}

}
