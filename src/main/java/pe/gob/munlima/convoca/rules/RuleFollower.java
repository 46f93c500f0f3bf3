package pe.gob.munlima.convoca.rules;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.changes.Change;
import pe.gob.munlima.convoca.changes.ChangeFollower;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Every rule activation, rollback or folder edit on any node (a row of rule_version,
 * which a trigger logs) becomes the active set of this node too. It starts from the end
 * of the log: at start-up {@link RuleAdmin#recordStartupVersion()} takes the newest set
 * the database holds.
 * <p>
 * Compiling and testing a set takes seconds; it runs on a thread of its own so that the
 * change log's thread goes on indexing calls meanwhile. Only the newest announced set is
 * compiled: one announced while another compiles replaces it in the queue.
 */
@Component
class RuleFollower implements ChangeFollower, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RuleFollower.class);

	private final RuleAdmin admin;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "rules-follower");
		thread.setDaemon(true);
		return thread;
	});

	/** The newest rule_version announced; 0 before any. */
	private final AtomicLong wanted = new AtomicLong();

	RuleFollower(RuleAdmin admin) {
		this.admin = admin;
	}

	@Override
	public String name() {
		return "rules";
	}

	@Override
	public Set<Change.Kind> kinds() {
		return Set.of(Change.Kind.RULES);
	}

	@Override
	public OptionalLong resumeAfter() {
		return OptionalLong.empty();
	}

	@Override
	public void apply(List<Change> changes) {
		long newest = changes.stream()
			.map(Change::subjectId)
			.filter(java.util.Objects::nonNull)
			.mapToLong(Long::longValue)
			.max()
			.orElse(0);
		if (newest > 0 && this.wanted.getAndAccumulate(newest, Math::max) < newest) {
			this.worker.execute(this::followNewest);
		}
	}

	private void followNewest() {
		long id = this.wanted.get();
		try {
			// RuleAdmin takes only the newest recorded version, so an older one queued
			// behind a newer one does nothing.
			this.admin.follow(id);
		}
		catch (RuntimeException ex) {
			log.error("Rule set #{} activated on another node could not be taken here", id, ex);
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
