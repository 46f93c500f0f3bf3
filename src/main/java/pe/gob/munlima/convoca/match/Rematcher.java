package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.RuleSetActivated;
import pe.gob.munlima.convoca.rules.Rules;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * After a rule set is activated, judges every open call again in the background, one call
 * at a time, with progress an admin can follow. A new activation while one runs queues
 * behind it (one worker thread), so the last activated set always has the final word.
 */
@Service
class Rematcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Rematcher.class);

	private final Calls calls;

	private final Matcher matcher;

	private final Eligibility eligibility;

	private final Clock clock;

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(runnable -> new Thread(runnable, "rematch"));

	private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.idle());

	Rematcher(Calls calls, Matcher matcher, Eligibility eligibility, Clock clock) {
		this.calls = calls;
		this.matcher = matcher;
		this.eligibility = eligibility;
		this.clock = clock;
	}

	@EventListener
	void on(RuleSetActivated event) {
		this.worker.submit(() -> run(event.version()));
	}

	/**
	 * Judges every open call again with the active rules, e.g. after the vocabulary
	 * changed.
	 */
	Progress start() {
		String version = this.eligibility.active().version();
		this.progress.set(new Progress("QUEUED", version, 0, 0, this.clock.instant(), null, null));
		this.worker.submit(() -> run(version));
		return this.progress.get();
	}

	Progress progress() {
		return this.progress.get();
	}

	private void run(String version) {
		Instant started = this.clock.instant();
		try {
			Rules rules = this.eligibility.active();
			var portfolio = this.matcher.portfolio();
			if (portfolio.isEmpty()) {
				this.progress.set(new Progress("DONE", version, 0, 0, started, this.clock.instant(), null));
				return;
			}
			long total = this.calls.count();
			int[] done = { 0 };
			this.progress.set(new Progress("RUNNING", rules.version(), 0, total, started, null, null));
			this.calls.forEachOpen(this.clock.instant(), Matcher.PAGE, page -> {
				for (var call : page) {
					this.matcher.match(call, rules, portfolio.get());
					done[0]++;
				}
				this.progress.set(new Progress("RUNNING", rules.version(), done[0], total, started, null, null));
			});
			this.progress
				.set(new Progress("DONE", rules.version(), done[0], done[0], started, this.clock.instant(), null));
			log.info("Re-match with rule set {}: {} open calls in {} ms", rules.version(), done[0],
					this.clock.millis() - started.toEpochMilli());
		}
		catch (RuntimeException ex) {
			log.error("Re-match with rule set {} failed", version, ex);
			this.progress.set(new Progress("FAILED", version, 0, 0, started, this.clock.instant(), ex.getMessage()));
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

	/**
	 * @param total calls stored (open ones are judged; done counts them)
	 */
	record Progress(String state, String version, long done, long total, Instant startedAt, Instant finishedAt,
			String error) {

		static Progress idle() {
			return new Progress("IDLE", null, 0, 0, null, null, null);
		}

	}

}
