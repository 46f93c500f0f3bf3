package pe.gob.munlima.convoca.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP once the index has been checked against the database at start-up. */
@Component("searchIndex")
class IndexHealthIndicator implements HealthIndicator {

	private final CallIndex index;

	IndexHealthIndicator(CallIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		Health.Builder builder = this.index.isReady() ? Health.up() : Health.down();
		return builder.withDetail("documents", this.index.documentCount())
			.withDetail("path", this.index.path().toString())
			.build();
	}

}
