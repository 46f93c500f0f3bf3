package pe.gob.munlima.convoca.match;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many eligibility checks ("¿Mi proyecto califica?",
 * {@code POST /api/eligibility/check}) run at once, and how long one may wait for its
 * turn. A check is CPU work: more at once than there are cores only makes every one
 * slower, and a crowd of waiting requests would hold the web server's threads that health
 * and every other page need. Beyond the limits a check is answered 503 with Retry-After
 * at once.
 *
 * @param maxConcurrent checks running at the same time; 0 = one per core
 * @param queueCapacity checks that may wait for a turn; one more is refused at once
 * @param maxWait the longest a check waits for its turn before it is refused
 * @param retryAfter what a refused check is told to wait before asking again
 * @param reloadInterval how old the in-memory copy of the open calls may grow before it
 * is read again from the database, in the background: a safety net, as the calls of every
 * node arrive through the call events and the change log
 */
@ConfigurationProperties("convoca.match.check")
record CheckProperties(Integer maxConcurrent, Integer queueCapacity, Duration maxWait, Duration retryAfter,
		Duration reloadInterval) {

	CheckProperties {
		if (maxConcurrent == null || maxConcurrent <= 0) {
			maxConcurrent = Runtime.getRuntime().availableProcessors();
		}
		if (queueCapacity == null || queueCapacity < 0) {
			queueCapacity = 64;
		}
		if (maxWait == null || maxWait.isNegative()) {
			maxWait = Duration.ofMillis(500);
		}
		if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
			retryAfter = Duration.ofSeconds(2);
		}
		if (reloadInterval == null || reloadInterval.isNegative() || reloadInterval.isZero()) {
			reloadInterval = Duration.ofMinutes(5);
		}
	}

}
