package pe.gob.munlima.convoca.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP once the index has been checked against the database at start-up (and rebuilt if it
 * had to be). A rebuild requested later does not take it down: the old index answers
 * meanwhile; its progress shows in the details. DOWN when the live index was found
 * missing or unreadable on disk while running ({@code problem}), until the rebuild that
 * finding started has replaced it.
 */
@Component("searchIndex")
class IndexHealthIndicator implements HealthIndicator {

	private final CallIndex index;

	private final CallIndexer indexer;

	IndexHealthIndicator(CallIndex index, CallIndexer indexer) {
		this.index = index;
		this.indexer = indexer;
	}

	@Override
	public Health health() {
		Health.Builder builder = this.index.isReady() ? Health.up() : Health.down();
		CallIndexer.RebuildStatus rebuild = this.indexer.status();
		builder.withDetail("documents", this.index.documentCount())
			.withDetail("generation", this.index.generation())
			.withDetail("schemaVersion", CallFields.SCHEMA_VERSION)
			.withDetail("path", this.index.path().toString())
			.withDetail("rebuild", rebuild.state() + " " + rebuild.done() + "/" + rebuild.total());
		Long seq = this.index.appliedSeq();
		if (seq != null) {
			builder.withDetail("changeLogSeq", seq);
		}
		String damage = this.index.damage();
		if (damage != null) {
			builder.withDetail("problem", damage);
		}
		if (rebuild.error() != null) {
			builder.withDetail("lastRebuildError", rebuild.error());
		}
		return builder.build();
	}

}
