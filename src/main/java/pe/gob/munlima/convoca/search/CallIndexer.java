package pe.gob.munlima.convoca.search;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallClosed;
import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the database: applies the calls of the change log
 * ({@link IndexFollower}, every node), indexes each call this node stored as soon as its
 * transaction commits (so the node that stored it finds it when the request returns); at
 * start-up rebuilds the index when it was missing, corrupt, of an older schema or cannot
 * say where it stands in the change log; and rebuilds on an administrator's request, in
 * the background, with progress.
 */
@Component
class CallIndexer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CallIndexer.class);

	/** Calls read from the database per page; a page is indexed as one task. */
	private static final int PAGE = 500;

	/** Pages read ahead of the indexing threads: bounds the memory a rebuild holds. */
	private static final int PAGES_IN_FLIGHT = 4;

	private final CallIndex index;

	private final Calls calls;

	private final Clock clock;

	private final ExecutorService background = Executors.newSingleThreadExecutor(named("index-rebuild"));

	/** Checks the live index on disk now and then while the service runs. */
	private final java.util.concurrent.ScheduledExecutorService checker = Executors
		.newSingleThreadScheduledExecutor(named("index-check"));

	private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.never());

	private final AtomicLong done = new AtomicLong();

	/**
	 * Held from reading calls in the database to writing them in the index, by this
	 * node's own after-commit indexing and by the change log's alike: the later read is
	 * always the later write, so an older state of a call never overwrites a newer one.
	 */
	private final Object applying = new Object();

	CallIndexer(CallIndex index, Calls calls, Clock clock) {
		this.index = index;
		this.calls = calls;
		this.clock = clock;
	}

	/**
	 * The node that stored a call finds it at once. Not a module listener of the event
	 * publication registry: the registry completes a publication once per database, on
	 * whichever node runs it, and every node's index needs every call. What guarantees
	 * that is the change log ({@link IndexFollower}); this is only the storing node's
	 * shortcut, and a failure here is mended by the log moments later.
	 * <p>
	 * After completion rather than after commit: the registry's completion advice wraps
	 * every after-commit listener (a transaction and a DELETE per event) whether it is
	 * recorded or not, and this one is not. After a rollback the call is read as it was
	 * committed, so indexing it again does no harm.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
	void on(CallStored event) {
		reindex(event.callId());
	}

	/**
	 * A closed call is indexed again: its status facet and the "open" filter read the
	 * stored status, which closing changed without a new record of its source.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
	void on(CallClosed event) {
		reindex(event.callId());
	}

	private void reindex(long callId) {
		try {
			synchronized (this.applying) {
				this.calls.find(callId).ifPresent(this.index::index);
			}
		}
		catch (RuntimeException ex) {
			// The call is safe in the database; a rebuild (now, if the index on disk is
			// damaged, or at the next start-up) indexes it.
			log.error("Indexing of call {} failed", callId, ex);
			check();
		}
	}

	/**
	 * Checks the live index on disk; when it is missing or unreadable, health turns DOWN
	 * for search and a rebuild from the database starts (unless one already runs).
	 * @return what is wrong, or null when the index is sound
	 */
	String check() {
		String problem = this.index.check();
		if (problem != null && this.status.get().state() != RebuildStatus.State.RUNNING) {
			log.error("Search index damaged while running, rebuilding from the database: {}", problem);
			try {
				requestRebuild("índice dañado: " + problem);
			}
			catch (RuntimeException ex) {
				log.error("Search index rebuild could not start", ex);
			}
		}
		return problem;
	}

	/**
	 * Re-reads the calls the change log names and writes them, with the seq the index
	 * reaches (null: it stays where it was), in one commit.
	 */
	void follow(Collection<Long> callIds, Long seq) {
		try {
			synchronized (this.applying) {
				Map<Long, CallView> found = callIds.isEmpty() ? Map.of() : this.calls.findAll(callIds);
				Map<Long, Optional<CallView>> batch = new LinkedHashMap<>();
				for (Long id : callIds) {
					batch.put(id, Optional.ofNullable(found.get(id)));
				}
				this.index.apply(batch, seq);
			}
		}
		catch (RuntimeException ex) {
			// Left for the next attempt; a damaged index folder is rebuilt meanwhile.
			check();
			throw ex;
		}
	}

	/**
	 * Opens the index for searches, rebuilding it first when {@code reason} says why it
	 * cannot be used as it is, and starts checking it on disk.
	 */
	void startUp(String reason) {
		if (reason != null) {
			rebuild(reason);
		}
		this.index.markReady();
		long every = this.index.checkInterval().toMillis();
		this.checker.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	private void checkQuietly() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			// A scheduled task that throws is never run again.
			log.error("Search index check failed", ex);
		}
	}

	/**
	 * Starts a rebuild in the background.
	 * @return false when one is already running
	 */
	boolean requestRebuild() {
		return requestRebuild("solicitada por un administrador");
	}

	/**
	 * @return false when one is already running
	 * @throws RuntimeException when it cannot start (the database does not answer, the
	 * service is stopping); the status then says FAILED with the reason
	 */
	boolean requestRebuild(String reason) {
		if (!begin(reason)) {
			return false;
		}
		try {
			this.background.execute(this::load);
		}
		catch (RuntimeException ex) {
			this.status.set(this.status.get().failed(0, this.clock.instant(), ex.toString()));
			throw ex;
		}
		return true;
	}

	/**
	 * Rebuilds now, on the calling thread.
	 * @throws IllegalStateException when a rebuild is already running
	 */
	void rebuild(String reason) {
		if (!begin(reason)) {
			throw new IllegalStateException("A rebuild is already running");
		}
		load();
	}

	private boolean begin(String reason) {
		RebuildStatus current = this.status.get();
		if (current.state() == RebuildStatus.State.RUNNING) {
			return false;
		}
		this.done.set(0);
		return this.status.compareAndSet(current,
				RebuildStatus.running(reason, this.calls.count(), this.clock.instant()));
	}

	/**
	 * Reads every call from the database page by page and indexes the pages on as many
	 * threads as there are cores, into a new generation that replaces the live one only
	 * when complete.
	 */
	private void load() {
		long started = System.nanoTime();
		IndexGeneration next;
		try {
			next = this.index.beginRebuild();
		}
		catch (RuntimeException ex) {
			// No new generation (the folder cannot be created): FAILED, never RUNNING for
			// ever.
			log.error("Search index rebuild could not start; the previous index keeps answering", ex);
			this.status.set(this.status.get().failed(0, this.clock.instant(), ex.toString()));
			return;
		}
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		ExecutorService workers = Executors.newFixedThreadPool(threads, named("index-load"));
		Semaphore inFlight = new Semaphore(PAGES_IN_FLIGHT);
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		try {
			this.calls.forEach(PAGE, page -> {
				acquire(inFlight);
				workers.execute(() -> {
					try {
						if (failure.get() == null) {
							this.index.load(next, page);
							this.done.addAndGet(page.size());
						}
					}
					catch (RuntimeException ex) {
						failure.compareAndSet(null, ex);
					}
					finally {
						inFlight.release();
					}
				});
			});
			workers.shutdown();
			if (!workers.awaitTermination(1, TimeUnit.HOURS)) {
				throw new IllegalStateException("Rebuild did not finish within an hour");
			}
			if (failure.get() != null) {
				throw failure.get();
			}
			this.index.completeRebuild(next, this.calls::find);
			long millis = (System.nanoTime() - started) / 1_000_000;
			this.status.set(this.status.get().succeeded(this.done.get(), this.clock.instant(), next.name(), millis));
			log.info("Search index rebuilt from the database: {} calls in {} ms", this.done.get(), millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail(next, ex);
		}
		catch (RuntimeException ex) {
			fail(next, ex);
		}
		finally {
			workers.shutdownNow();
		}
	}

	private void fail(IndexGeneration next, Exception ex) {
		log.error("Search index rebuild failed; the previous index keeps answering", ex);
		this.index.abortRebuild(next);
		this.status.set(this.status.get().failed(this.done.get(), this.clock.instant(), ex.toString()));
	}

	private static void acquire(Semaphore semaphore) {
		try {
			semaphore.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Rebuild interrupted", ex);
		}
	}

	/** The last (or running) rebuild, with the calls indexed so far. */
	RebuildStatus status() {
		RebuildStatus current = this.status.get();
		return current.state() == RebuildStatus.State.RUNNING ? current.withDone(this.done.get()) : current;
	}

	@Override
	public void destroy() {
		this.checker.shutdownNow();
		this.background.shutdownNow();
	}

	/** Daemon threads with a name that says what they do (thread dumps, logs). */
	static java.util.concurrent.ThreadFactory named(String name) {
		AtomicLong count = new AtomicLong();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * @param state NEVER, RUNNING, SUCCEEDED or FAILED
	 * @param reason why it runs (or ran)
	 * @param done calls indexed so far
	 * @param total calls in the database when it started
	 * @param generation the folder it produced
	 */
	record RebuildStatus(State state, String reason, long done, long total, Instant startedAt, Instant finishedAt,
			Long tookMs, String generation, String error) {

		enum State {

			NEVER, RUNNING, SUCCEEDED, FAILED

		}

		static RebuildStatus never() {
			return new RebuildStatus(State.NEVER, null, 0, 0, null, null, null, null, null);
		}

		static RebuildStatus running(String reason, long total, Instant at) {
			return new RebuildStatus(State.RUNNING, reason, 0, total, at, null, null, null, null);
		}

		RebuildStatus withDone(long count) {
			return new RebuildStatus(this.state, this.reason, count, this.total, this.startedAt, null, null, null,
					null);
		}

		RebuildStatus succeeded(long count, Instant at, String folder, long millis) {
			return new RebuildStatus(State.SUCCEEDED, this.reason, count, Math.max(count, this.total), this.startedAt,
					at, millis, folder, null);
		}

		RebuildStatus failed(long count, Instant at, String message) {
			return new RebuildStatus(State.FAILED, this.reason, count, this.total, this.startedAt, at, null, null,
					message);
		}

		/** Whole percent done, for a progress bar. */
		public int percent() {
			return this.total == 0 ? (this.state == State.SUCCEEDED ? 100 : 0)
					: (int) Math.min(100, this.done * 100 / this.total);
		}

	}

}
