package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.RuleSetActivated;
import pe.gob.munlima.convoca.rules.Rules;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * After a rule set is activated, judges every open call again in the background, one call
 * at a time, with progress an admin can follow. A new activation while one runs queues
 * behind it (one worker thread), so the last activated set always has the final word.
 * <p>
 * A re-match a crash cut short is resumed at start-up: the open calls that still have a
 * verdict of another rule set than the active one are judged again, in the background
 * ({@link #resume()}). A closed call keeps its last verdicts as history, and a match an
 * application holds although it is no longer a candidate keeps its last verdict: both
 * stay on their rule set and are looked at again (cheaply) at the next start.
 */
@Service
class Rematcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Rematcher.class);

	private final Calls calls;

	private final Matcher matcher;

	private final Eligibility eligibility;

	private final Clock clock;

	private final MatchRepository matches;

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(runnable -> new Thread(runnable, "rematch"));

	private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.idle());

	Rematcher(Calls calls, Matcher matcher, Eligibility eligibility, Clock clock, MatchRepository matches) {
		this.calls = calls;
		this.matches = matches;
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

	/**
	 * Queues the resumption of an interrupted re-match: runs after whatever the start-up
	 * queued before it (a changed rule set's full re-match), and finds the calls to judge
	 * only when it runs, so after a full re-match it finds none.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void resumeAtStartup() {
		resume();
	}

	/**
	 * @return a future that completes with the number of calls judged again
	 */
	Future<Integer> resume() {
		return this.worker.submit(this::resumeNow);
	}

	private int resumeNow() {
		Instant started = this.clock.instant();
		String version = null;
		try {
			if (this.eligibility.status().isEmpty()) {
				return 0;
			}
			Rules rules = this.eligibility.active();
			version = rules.version();
			var portfolio = this.matcher.portfolio();
			List<Long> stale = this.matches.findCallIdsJudgedByOtherThan(version);
			if (portfolio.isEmpty() || stale.isEmpty()) {
				return 0;
			}
			log.info("Resuming an interrupted re-match: {} calls still have verdicts of an older rule set than {}",
					stale.size(), version);
			int done = 0;
			Instant now = this.clock.instant();
			this.progress.set(new Progress("RUNNING", version, 0, stale.size(), started, null, null));
			for (Long id : stale) {
				var call = this.calls.find(id)
					.filter(c -> !c.closed() && !c.procurement()
							&& (c.deadline() == null || !c.deadline().isBefore(now)));
				if (call.isPresent()) {
					this.matcher.match(call.get(), rules, portfolio.get());
				}
				done++;
				this.progress.set(new Progress("RUNNING", version, done, stale.size(), started, null, null));
			}
			this.progress.set(new Progress("DONE", version, done, done, started, this.clock.instant(), null));
			log.info("Interrupted re-match resumed with rule set {}: {} calls in {} ms", version, done,
					this.clock.millis() - started.toEpochMilli());
			return done;
		}
		catch (RuntimeException ex) {
			log.error("Resuming the re-match with rule set {} failed", version, ex);
			this.progress.set(new Progress("FAILED", version, 0, 0, started, this.clock.instant(), ex.getMessage()));
			return 0;
		}
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
