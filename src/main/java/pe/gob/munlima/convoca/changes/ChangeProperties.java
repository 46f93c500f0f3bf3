package pe.gob.munlima.convoca.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often each node reads the log when no notification woke it (a
 * notification lost with a dropped connection costs at most this long)
 * @param batchSize entries read and applied at a time
 * @param retention entries older than this are pruned; a node down for longer rebuilds
 * its index from the database when it starts
 * @param pruneInterval how often a node prunes
 * @param settleWait at start-up, how long to wait for transactions still running to end
 * before following the log from its end
 */
@ConfigurationProperties("convoca.changes")
record ChangeProperties(Duration pollInterval, int batchSize, Duration retention, Duration pruneInterval,
		Duration settleWait) {

	ChangeProperties {
		if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
			pollInterval = Duration.ofSeconds(1);
		}
		if (batchSize <= 0) {
			batchSize = 500;
		}
		if (retention == null || retention.isNegative() || retention.isZero()) {
			retention = Duration.ofDays(7);
		}
		if (pruneInterval == null || pruneInterval.isNegative() || pruneInterval.isZero()) {
			pruneInterval = Duration.ofHours(1);
		}
		if (settleWait == null || settleWait.isNegative()) {
			settleWait = Duration.ofSeconds(30);
		}
	}

}
