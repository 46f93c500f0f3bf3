package pe.gob.munlima.convoca.rules;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the test cases of a candidate rule set on a small pool of its own, each case with
 * a time limit, so that a rule set that loops is stopped and reported while the service
 * goes on answering. The allow-list ({@link RuleAllowList}) is the first wall: it refuses
 * loops, streams and calls that could block before anything runs; this is the second, for
 * whatever slips past it.
 * <p>
 * The pool is bounded (two threads, a short queue) and its threads end when idle, so
 * drafts can neither pile up threads nor keep one. A case over its limit is interrupted;
 * code that ignores interrupts (a busy loop) is then stopped with {@link Thread#stop()},
 * the only way the JVM offers to end it. That is safe enough here: the thread only holds
 * the candidate set's own session, which is thrown away with the refused set. Where the
 * JVM no longer stops threads (Java 20 and later), the thread stays stuck, the bounded
 * pool keeps that to two threads, and further cases are refused as "busy" instead.
 * <p>
 * The limit is on the processor time the case used, not on the clock: a rule that loops
 * uses the processor all the time and is stopped after the limit, while a case that only
 * waited for a processor (a loaded machine, a start-up compiling everything at once) is
 * not mistaken for one and refused. A case is stopped in any event after
 * {@value #STARVED_FACTOR} times the limit on the clock.
 */
final class RuleSandbox {

	private static final Logger log = LoggerFactory.getLogger(RuleSandbox.class);

	/** Rules fired in one evaluation of a case; the shipped rules fire about 20. */
	static final int FIRE_LIMIT = 10_000;

	/** A case runs in milliseconds; compiling constraints at first use takes longer. */
	static final Duration CASE_LIMIT = Duration.ofSeconds(3);

	static final String THREAD_NAME = "rule-sandbox-";

	/** Shared by every rule set prepared in this JVM: the bound holds for all of them. */
	static final RuleSandbox SHARED = new RuleSandbox(2, CASE_LIMIT);

	/**
	 * A case that used less processor time than its limit is stopped after this many
	 * limits.
	 */
	static final int STARVED_FACTOR = 10;

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
		.getThreadMXBean();

	/** How long an interrupted case may take to end before it is stopped. */
	private static final Duration GRACE = Duration.ofMillis(500);

	private final ThreadPoolExecutor executor;

	private final Duration limit;

	RuleSandbox(int threads, Duration limit) {
		this.limit = limit;
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 2, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16),
				runnable -> {
					Thread thread = new Thread(runnable, THREAD_NAME + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.executor.allowCoreThreadTimeOut(true);
	}

	Duration limit() {
		return this.limit;
	}

	/**
	 * The task's result, computed on the pool within the time limit.
	 * @throws TimeoutException when it took longer (it has been stopped)
	 * @throws RejectedExecutionException when the pool is full (busy or stuck)
	 * @throws ExecutionException with what the task threw
	 */
	<T> T call(Callable<T> task) throws TimeoutException, ExecutionException {
		Running running = new Running();
		Future<T> future = this.executor.submit(() -> running.call(task));
		long limitNanos = this.limit.toNanos();
		long start = System.nanoTime();
		long wait = limitNanos;
		while (true) {
			try {
				return future.get(wait, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				future.cancel(true);
				throw new TimeoutException("interrupted");
			}
			catch (TimeoutException ex) {
				long used = running.cpuNanos();
				long left = STARVED_FACTOR * limitNanos - (System.nanoTime() - start);
				if (used < 0 || used >= limitNanos || left <= 0) {
					future.cancel(true);
					running.stopUnlessEnded();
					throw ex;
				}
				// Waited for a processor more than it ran: give it the time it did not
				// get.
				wait = Math.min(limitNanos - used, left);
			}
		}
	}

	/** The thread running one task, while it runs. */
	private static final class Running {

		private final AtomicReference<Thread> thread = new AtomicReference<>();

		/** The thread's processor time when the task began; -1 before it began. */
		private volatile long cpuAtStart = -1;

		<T> T call(Callable<T> task) throws Exception {
			this.cpuAtStart = threadCpuNanos(Thread.currentThread());
			this.thread.set(Thread.currentThread());
			try {
				return task.call();
			}
			finally {
				synchronized (this) {
					this.thread.set(null);
					notifyAll();
				}
			}
		}

		/**
		 * Processor time the task has used so far: 0 while queued, -1 when the JVM does
		 * not measure it (then the clock alone limits the case, as before).
		 */
		long cpuNanos() {
			Thread running = this.thread.get();
			long atStart = this.cpuAtStart;
			if (running == null || atStart == -1) {
				return atStart == -2 ? -1 : 0;
			}
			long now = threadCpuNanos(running);
			return now < 0 ? -1 : now - atStart;
		}

		/** A thread's processor time, or -2 when the JVM does not measure it. */
		private static long threadCpuNanos(Thread thread) {
			if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
				return -2;
			}
			long nanos = THREADS.getThreadCpuTime(thread.getId());
			return nanos < 0 ? -2 : nanos;
		}

		/**
		 * Waits, up to the grace time, for the interrupted task to end (its end
		 * notifies), then stops its thread if it still runs it. Under the lock the task
		 * cannot end meanwhile, so the thread stopped is the one still running this task,
		 * never one that moved on to another case.
		 */
		synchronized void stopUnlessEnded() {
			long deadline = System.nanoTime() + GRACE.toNanos();
			long left = GRACE.toMillis();
			while (this.thread.get() != null && left > 0) {
				try {
					wait(left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			}
			Thread stuck = this.thread.get();
			if (stuck != null) {
				stop(stuck);
			}
		}

		@SuppressForbidden(reason = "the only way to end a rule case that loops without checking interrupts")
		@SuppressWarnings({ "deprecation", "removal" })
		private static void stop(Thread stuck) {
			try {
				stuck.stop();
				log.warn("Stopped rule test case running on {} after its time limit", stuck.getName());
			}
			catch (UnsupportedOperationException ex) {
				log.error("Rule test case on {} exceeded its time limit and cannot be stopped on this JVM",
						stuck.getName());
			}
		}

	}

}
