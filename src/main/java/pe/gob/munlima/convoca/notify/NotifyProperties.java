package pe.gob.munlima.convoca.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The delivery settings among {@code convoca.alerts.*} (application.yml documents each).
 * They keep the prefix they had before the delivery moved to this module, so that a
 * deployment's configuration (CONVOCA_ALERTS_...) goes on meaning the same; the alert
 * module binds the rest of the prefix.
 *
 * @param baseUrl where people open Convoca: the unsubscribe links start with it
 * @param from the sender of every e-mail
 * @param unsubscribeSecret HMAC key of signed tokens; when blank one is generated once
 * and kept in the database (alert_secret)
 */
@ConfigurationProperties("convoca.alerts")
record NotifyProperties(@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("Convoca <convoca@munlima.gob.pe>") String from, String unsubscribeSecret,
		@DefaultValue Dispatch dispatch) {

	/** Links without a trailing slash, so paths can be appended. */
	String base() {
		return this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
	}

	/**
	 * @param interval how often each node sends what is due
	 * @param lease how long a node may take to send one message before another may take
	 * it over; well above the SMTP timeouts
	 * @param maxAttempts failed attempts before a message becomes a dead letter
	 * @param backoff wait after the first failure, doubled after each further one
	 * @param maxBackoff the longest wait between two attempts
	 */
	record Dispatch(@DefaultValue("true") boolean enabled, @DefaultValue("15s") Duration interval,
			@DefaultValue("20") int batchSize, @DefaultValue("5m") Duration lease, @DefaultValue("8") int maxAttempts,
			@DefaultValue("1m") Duration backoff, @DefaultValue("6h") Duration maxBackoff) {
	}

}
