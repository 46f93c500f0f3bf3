package pe.gob.munlima.convoca.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.changes.Change;
import pe.gob.munlima.convoca.changes.ChangeFollower;
import pe.gob.munlima.convoca.changes.ChangeLog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * This node's index follows the change log: every call stored, changed or closed through
 * any node is re-read from the database and indexed, in seq order, and the thesaurus is
 * reloaded when an administrator reloaded it on any node. The seq reached is committed
 * with the documents, so after a stop the node resumes where its index stands and catches
 * up before it says it is ready — no rebuild.
 * <p>
 * It rebuilds from the database instead when the index cannot be used (missing, corrupt,
 * older schema), records no seq (an index of an earlier version), stands before what the
 * log still keeps (down longer than {@code convoca.changes.retention}), or ahead of the
 * log (an index copied from another database, or a database restored from an older
 * backup).
 */
@Component
@Order(0)
class IndexFollower implements ChangeFollower, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

	private final CallIndexing index;

	private final String unusable;

	private final CallIndexer indexer;

	private final ThesaurusStore thesaurus;

	private final ChangeLog changes;

	/** Why the index is rebuilt at start-up; null when it follows on from its seq. */
	private volatile String rebuildReason;

	IndexFollower(CallIndex index, CallIndexer indexer, ThesaurusStore thesaurus, ChangeLog changes) {
		this.index = index;
		this.unusable = index.rebuildReason();
		this.indexer = indexer;
		this.thesaurus = thesaurus;
		this.changes = changes;
	}

	@Override
	public String name() {
		return "search index";
	}

	@Override
	public Set<Change.Kind> kinds() {
		return Set.of(Change.Kind.CALL, Change.Kind.THESAURUS);
	}

	@Override
	public OptionalLong resumeAfter() {
		Long seq = this.index.appliedSeq();
		String reason = this.unusable;
		if (reason == null && seq == null) {
			reason = "el índice no registra hasta qué cambio de la base de datos llegó";
		}
		if (reason == null) {
			long pruned = this.changes.prunedUpTo();
			long last = this.changes.lastSeq();
			if (seq < pruned) {
				reason = "el índice se quedó en el cambio " + seq
						+ " y la base de datos ya no guarda los cambios hasta el " + pruned;
			}
			else if (seq > last) {
				reason = "el índice llegó al cambio " + seq + " y la base de datos solo tiene hasta el " + last
						+ " (¿otra base de datos o una copia de seguridad anterior?)";
			}
		}
		this.rebuildReason = reason;
		if (reason != null) {
			log.warn("Search index will be rebuilt from the database: {}", reason);
			return OptionalLong.empty();
		}
		return OptionalLong.of(seq);
	}

	@Override
	public void apply(List<Change> changes) {
		Set<Long> calls = new LinkedHashSet<>();
		boolean thesaurusReloaded = false;
		for (Change change : changes) {
			if (change.kind() == Change.Kind.CALL && change.subjectId() != null) {
				calls.add(change.subjectId());
			}
			else if (change.kind() == Change.Kind.THESAURUS) {
				thesaurusReloaded = true;
			}
		}
		if (!calls.isEmpty()) {
			// The seq is recorded by appliedUpTo: the last entry here may lie beyond a
			// gap
			// still open, and a restart must read that gap again.
			this.indexer.follow(calls, null);
		}
		if (thesaurusReloaded) {
			try {
				this.thesaurus.reload();
			}
			catch (IllegalArgumentException ex) {
				// This node's copy of the files does not parse: its working thesaurus
				// stays, as on the node where the reload was asked for.
				log.error("Thesaurus reloaded on another node, but this node's files do not parse: {}",
						ex.getMessage());
			}
		}
	}

	/**
	 * Records the place reached even when the entries were of other kinds (rules,
	 * sources), so a restart does not read them again.
	 */
	@Override
	public void appliedUpTo(long seq) {
		Long current = this.index.appliedSeq();
		if (current == null || current != seq) {
			this.indexer.follow(List.of(), seq);
		}
	}

	/**
	 * After the change log caught the index up (the feed starts before the runners):
	 * rebuild when it had to be, then open for searches, so health turns UP on an index
	 * that has every call committed before the start.
	 */
	@Override
	public void run(ApplicationArguments args) {
		this.indexer.startUp(this.rebuildReason);
	}

}
