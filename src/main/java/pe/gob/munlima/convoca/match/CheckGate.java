package pe.gob.munlima.convoca.match;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Admits eligibility checks: a fixed number run at once, a bounded number wait (in
 * arrival order) for a turn, and none waits longer than {@code max-wait}. Everyone else
 * is told at once to come back later (503 with Retry-After) instead of making every check
 * slower and holding a web server thread that health and the pages need.
 */
@Component
class CheckGate {

	private final Semaphore running;

	private final int maxConcurrent;

	private final AtomicInteger waiting = new AtomicInteger();

	private final int queueCapacity;

	private final Duration maxWait;

	private final Duration retryAfter;

	CheckGate(CheckProperties properties) {
		this.maxConcurrent = properties.maxConcurrent();
		this.running = new Semaphore(this.maxConcurrent, true);
		this.queueCapacity = properties.queueCapacity();
		this.maxWait = properties.maxWait();
		this.retryAfter = properties.retryAfter();
	}

	/**
	 * Runs the check when its turn comes.
	 * @throws Busy when the queue is full or the turn did not come within the wait
	 */
	<T> T admit(Supplier<T> check) {
		// A timed wait on a fair semaphore takes turns in arrival order; with the queue
		// full a check is still run if a turn is free this instant, never queued.
		boolean queueFull = this.waiting.incrementAndGet() > this.queueCapacity;
		try {
			boolean admitted = queueFull ? this.running.tryAcquire()
					: this.running.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS);
			if (!admitted) {
				throw busy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw busy();
		}
		finally {
			this.waiting.decrementAndGet();
		}
		try {
			return check.get();
		}
		finally {
			this.running.release();
		}
	}

	/** Checks running now. */
	int running() {
		return this.maxConcurrent - this.running.availablePermits();
	}

	/** Checks waiting for a turn now. */
	int waiting() {
		return this.waiting.get();
	}

	private Busy busy() {
		return new Busy(this.retryAfter);
	}

	/**
	 * A check refused for lack of capacity: 503 problem+json with Retry-After (whole
	 * seconds) for the API; the page says the same in words.
	 */
	static final class Busy extends ErrorResponseException {

		private final long retryAfterSeconds;

		Busy(Duration retryAfter) {
			super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE), null,
					"match.check.busy", new Object[] { seconds(retryAfter) });
			this.retryAfterSeconds = seconds(retryAfter);
			getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfterSeconds));
			getBody().setProperty("retryAfterSeconds", this.retryAfterSeconds);
		}

		long retryAfterSeconds() {
			return this.retryAfterSeconds;
		}

		private static long seconds(Duration duration) {
			// Retry-After counts whole seconds; a shorter wait still says 1.
			return Math.max(1, (duration.toMillis() + 999) / 1000);
		}

	}

}
