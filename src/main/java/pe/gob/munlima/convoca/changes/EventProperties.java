package pe.gob.munlima.convoca.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retryInterval how often each node hands failed event publications to their
 * listeners again
 * @param stale a publication handed over and not completed for this long is taken for
 * lost (its node stopped) and retried; well above the longest listener run (a new project
 * judged against every open call)
 */
@ConfigurationProperties("convoca.events")
record EventProperties(Duration retryInterval, Duration stale) {

	EventProperties {
		if (retryInterval == null || retryInterval.isNegative() || retryInterval.isZero()) {
			retryInterval = Duration.ofSeconds(30);
		}
		if (stale == null || stale.isNegative() || stale.isZero()) {
			stale = Duration.ofMinutes(10);
		}
	}

}
