package pe.gob.munlima.convoca.rules;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP only while a compiled rule set is active; DOWN (detail {@code starting}) while the
 * set on disk is still being prepared at start-up. Never waits for it.
 */
@Component("rules")
class RulesHealthIndicator implements HealthIndicator {

	private final Eligibility eligibility;

	RulesHealthIndicator(Eligibility eligibility) {
		this.eligibility = eligibility;
	}

	@Override
	public Health health() {
		if (!this.eligibility.started()) {
			return Health.down().withDetail("starting", "compiling and testing the rule set").build();
		}
		return this.eligibility.statusNow()
			.map(status -> Health.up().withDetail("version", status.version()).withDetail("files", status.files()))
			.orElseGet(() -> Health.down().withDetail("errors", this.eligibility.lastErrors().toString()))
			.build();
	}

}
