package pe.gob.munlima.convoca.changes;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Retries the module listeners until they complete. Spring Modulith records every
 * publication to an {@code @ApplicationModuleListener} with its event
 * ({@code event_publication}, V76) and hands incomplete ones over again when a node
 * starts; between starts, this does it every {@code convoca.events.retry-interval}:
 * <ul>
 * <li>a publication handed over and neither completed nor failed for
 * {@code convoca.events.stale} is taken for lost (its node stopped with it queued or
 * running) and marked failed;</li>
 * <li>failed publications are handed to their listeners again. Marking one resubmitted is
 * a conditional update, so two nodes never resubmit the same one in one round.</li>
 * </ul>
 * A listener may therefore see an event twice (a retry of a run that had in fact
 * committed, or a restart of one node while another still works on it); each one makes a
 * second delivery find its work done.
 */
@Component
class PublicationRetries implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PublicationRetries.class);

	private final FailedEventPublications failed;

	private final JdbcClient jdbc;

	private final EventProperties properties;

	private final Clock clock;

	private volatile ScheduledExecutorService executor;

	PublicationRetries(FailedEventPublications failed, JdbcClient jdbc, EventProperties properties, Clock clock) {
		this.failed = failed;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One round: stale publications marked failed, failed ones resubmitted.
	 * @return how many were taken for lost in this round
	 */
	int retry() {
		// Spring Modulith's own staleness check dates a resubmitted publication by when
		// it was first published, so a retry would be taken for lost again at once; the
		// last resubmission is the right date.
		int stale = this.jdbc
			.sql("UPDATE event_publication SET status = 'FAILED' WHERE completion_date IS NULL "
					+ "AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED') "
					+ "AND coalesce(last_resubmission_date, publication_date) < ?")
			.param(Timestamp.from(this.clock.instant().minus(this.properties.stale())))
			.update();
		if (stale > 0) {
			log.warn("{} event publications were not completed within {}; retrying them", stale,
					this.properties.stale());
		}
		this.failed.resubmit(ResubmissionOptions.defaults());
		return stale;
	}

	private void retrySafely() {
		try {
			retry();
		}
		catch (RuntimeException ex) {
			// The next round tries again; the publications stay in the table.
			log.warn("Retrying event publications failed this round: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "event-retries");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.retryInterval().toMillis();
		started.scheduleWithFixedDelay(this::retrySafely, interval, interval, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current != null) {
			current.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
