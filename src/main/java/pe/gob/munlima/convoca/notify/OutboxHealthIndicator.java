package pe.gob.munlima.convoca.notify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outbox in the health details: whether SMTP is configured, how many messages wait
 * and how many are dead letters. A mail server that is down does not make Convoca
 * unhealthy (calls are still found and judged; mail waits in the outbox), so the
 * component stays UP and says so.
 */
// Named "alerts" as before the delivery moved here: monitoring reads that component.
@Component("alerts")
class OutboxHealthIndicator implements HealthIndicator {

	private final Outbox outbox;

	private final MailDispatcher dispatcher;

	OutboxHealthIndicator(Outbox outbox, MailDispatcher dispatcher) {
		this.outbox = outbox;
		this.dispatcher = dispatcher;
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		boolean smtp = this.dispatcher.smtpConfigured();
		details.put("smtp", smtp ? "configured" : "not configured (spring.mail.host): e-mails wait in the outbox");
		details.put("outbox", this.outbox.counts());
		return Health.up().withDetails(details).build();
	}

}
