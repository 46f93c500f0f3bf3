package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallClosed;
import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.changes.Change;
import pe.gob.munlima.convoca.changes.ChangeFollower;
import pe.gob.munlima.convoca.rules.CallFacts;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.RuleSetActivated;
import pe.gob.munlima.convoca.rules.Rules;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The open calls as "¿Mi proyecto califica?" judges them, kept in memory: per call what
 * the ranking shows, its percolation scores and its facts for the active rule set. A
 * check used to read every call from the database, parse its evidence, rebuild its facts
 * and rehash its text for every request (seconds of work, and a pooled connection held
 * throughout); none of that changes between two checks.
 * <p>
 * Read in the background when the service starts, kept current on this node by the call
 * events; a new rule set (another rate table) reads them again (a check that comes first
 * waits for that read). Calls another node stored arrive through the change log (this is
 * a {@link ChangeFollower}); as a safety net the whole copy is read again in the
 * background, while checks go on with the old one, once it is older than
 * {@code convoca.match.check.reload-interval}. A call whose deadline passes is left out
 * at check time, so a snapshot never shows a call that closed by the clock.
 */
@Component
class OpenCalls implements ChangeFollower, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OpenCalls.class);

	private final Calls calls;

	private final Percolator percolator;

	private final Clock clock;

	private final Duration reloadInterval;

	/**
	 * Loads and event updates, one at a time, so an update never lands in a stale map.
	 */
	private final Object lock = new Object();

	private volatile Snapshot snapshot;

	/** Calls stored while a background reload was reading: read again before the swap. */
	private final Set<Long> touchedDuringReload = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean reloading = new AtomicBoolean();

	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "open-calls-reload");
		thread.setDaemon(true);
		return thread;
	});

	private final Eligibility eligibility;

	OpenCalls(Calls calls, Percolator percolator, Eligibility eligibility, Clock clock, CheckProperties properties) {
		this.calls = calls;
		this.percolator = percolator;
		this.eligibility = eligibility;
		this.clock = clock;
		this.reloadInterval = properties.reloadInterval();
	}

	/**
	 * Reads the open calls in the background once the service is up and after a new rule
	 * set, so that the first check does not wait for the database read (seconds with
	 * thousands of calls) while holding a turn.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		prepareInBackground();
	}

	@EventListener
	void on(RuleSetActivated event) {
		prepareInBackground();
	}

	private void prepareInBackground() {
		try {
			this.background.execute(() -> {
				try {
					load(this.eligibility.active());
				}
				catch (RuntimeException ex) {
					// No active rule set, or the database does not answer: the first
					// check reads them (or says why it cannot).
					log.warn("Open calls not read ahead of the first check: {}", ex.toString());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			log.debug("Service stopping: open calls not read ahead", ex);
		}
	}

	/**
	 * The calls open at {@code now}, with their facts for these rules; read from the
	 * database only the first time, after a rule set change, or (in the background) once
	 * the snapshot is older than the reload interval.
	 */
	List<OpenCall> open(Rules rules, Instant now) {
		Snapshot current = this.snapshot;
		if (current == null || !current.version().equals(rules.version())) {
			current = load(rules);
		}
		else if (Duration.between(current.loadedAt(), this.clock.instant()).compareTo(this.reloadInterval) > 0) {
			reloadInBackground(current.rules());
		}
		List<OpenCall> open = new ArrayList<>(current.calls().size());
		for (OpenCall call : current.calls().values()) {
			if (call.deadline() == null || !call.deadline().isBefore(now)) {
				open.add(call);
			}
		}
		return open;
	}

	private Snapshot load(Rules rules) {
		synchronized (this.lock) {
			Snapshot current = this.snapshot;
			if (current != null && current.version().equals(rules.version())) {
				// Another check loaded it while this one waited.
				return current;
			}
			Snapshot fresh = read(rules);
			this.snapshot = fresh;
			return fresh;
		}
	}

	private void reloadInBackground(Rules rules) {
		if (!this.reloading.compareAndSet(false, true)) {
			return;
		}
		this.touchedDuringReload.clear();
		try {
			this.background.execute(() -> {
				try {
					Snapshot fresh = read(rules);
					synchronized (this.lock) {
						Snapshot current = this.snapshot;
						if (current != null && current.version().equals(rules.version())) {
							for (long id : this.touchedDuringReload) {
								update(fresh, id);
							}
							this.snapshot = fresh;
						}
					}
				}
				catch (RuntimeException ex) {
					log.warn("Open calls could not be read again; checks go on with the previous snapshot", ex);
				}
				finally {
					this.reloading.set(false);
				}
			});
		}
		catch (RuntimeException ex) {
			this.reloading.set(false);
			throw ex;
		}
	}

	private Snapshot read(Rules rules) {
		long started = System.nanoTime();
		Map<Long, OpenCall> open = new ConcurrentHashMap<>();
		this.calls.forEachOpen(this.clock.instant(), Matcher.PAGE,
				page -> page.forEach(call -> open.put(call.id(), prepare(call, rules))));
		log.info("{} open calls ready for eligibility checks with rule set {} in {} ms", open.size(), rules.version(),
				(System.nanoTime() - started) / 1_000_000);
		return new Snapshot(rules, open, this.clock.instant());
	}

	private OpenCall prepare(CallView call, Rules rules) {
		return new OpenCall(call.id(), call.title(), call.funder(), call.deadline(),
				call.themes() == null ? Set.of() : Set.copyOf(call.themes()), this.percolator.themeScores(call),
				FactsAssembler.call(call, rules.parameters()));
	}

	@Override
	public String name() {
		return "open-calls";
	}

	@Override
	public Set<Change.Kind> kinds() {
		return Set.of(Change.Kind.CALL);
	}

	/** From the end of the log: what is held was read from the database (or will be). */
	@Override
	public OptionalLong resumeAfter() {
		return OptionalLong.empty();
	}

	/**
	 * Calls any node stored (this one's came through the events already: reading a call
	 * again does no harm).
	 */
	@Override
	public void apply(List<Change> changes) {
		Set<Long> calls = new java.util.LinkedHashSet<>();
		for (Change change : changes) {
			if (change.kind() == Change.Kind.CALL && change.subjectId() != null) {
				calls.add(change.subjectId());
			}
		}
		calls.forEach(this::changed);
	}

	/**
	 * This node's own calls, at once. Like the search index, this memory is per node: it
	 * follows the change log, not the event publication registry (which runs a listener
	 * on one node only), and listens after completion, not after commit, for the reason
	 * {@code search.CallIndexer} gives: a call re-read after a rollback is the one
	 * committed.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void on(CallStored event) {
		changed(event.callId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void on(CallClosed event) {
		changed(event.callId());
	}

	private void changed(long callId) {
		if (this.reloading.get()) {
			this.touchedDuringReload.add(callId);
		}
		synchronized (this.lock) {
			Snapshot current = this.snapshot;
			if (current != null) {
				try {
					update(current, callId);
				}
				catch (RuntimeException ex) {
					// The next full read settles it; the call itself is stored.
					log.warn("Call {} could not be refreshed for eligibility checks", callId, ex);
					this.snapshot = null;
				}
			}
		}
	}

	/** Puts the call as stored now into the snapshot, or takes it out if it closed. */
	private void update(Snapshot snapshot, long callId) {
		CallView call = this.calls.find(callId).orElse(null);
		if (call == null || call.closed() || call.procurement()) {
			snapshot.calls().remove(callId);
		}
		else {
			snapshot.calls().put(callId, prepare(call, snapshot.rules()));
		}
	}

	/** How many calls are held (open or past their deadline since the last read). */
	int size() {
		Snapshot current = this.snapshot;
		return current == null ? 0 : current.calls().size();
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

	private record Snapshot(Rules rules, Map<Long, OpenCall> calls, Instant loadedAt) {

		String version() {
			return this.rules.version();
		}

	}

	/**
	 * An open call, ready to be judged.
	 *
	 * @param themeScores the call's percolation score per theme
	 * @param facts the call's facts for the snapshot's rule set
	 */
	record OpenCall(long id, String title, String funder, Instant deadline, Set<String> themes, float[] themeScores,
			CallFacts facts) {

		/** Whether the call states a theme among these competences. */
		boolean covers(List<String> competences) {
			for (String competence : competences) {
				if (this.themes.contains(competence)) {
					return true;
				}
			}
			return false;
		}

	}

}
