package pe.gob.munlima.convoca.crawl;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * At most one request per host every so often: the next request to a host waits until the
 * delay since the previous one has passed. Crawl jobs run on worker threads, so waiting
 * here slows only the crawl that would have been impolite.
 */
final class HostThrottle {

	private final Map<String, Long> nextAllowed = new ConcurrentHashMap<>();

	void await(String host, Duration delay) {
		await(host, delay, Long.MAX_VALUE);
	}

	/**
	 * Waits for the host's turn, unless that is further away than {@code maxWaitNanos} (a
	 * run's deadline): then it does not wait, keeps no turn, and says so.
	 * @return false when the turn comes too late
	 */
	boolean await(String host, Duration delay, long maxWaitNanos) {
		long wait;
		synchronized (this) {
			long now = System.nanoTime();
			long allowed = this.nextAllowed.getOrDefault(host, now);
			wait = Math.max(0, allowed - now);
			if (wait >= maxWaitNanos) {
				return false;
			}
			this.nextAllowed.put(host, Math.max(allowed, now) + delay.toNanos());
		}
		if (wait > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FetchException(host + ": interrupted while waiting for its turn", ex);
			}
		}
		return true;
	}

}
