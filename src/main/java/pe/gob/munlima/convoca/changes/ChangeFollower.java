package pe.gob.munlima.convoca.changes;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Something a node derives from the database and keeps up to date from the change log. A
 * Spring bean implementing it is found by {@link ChangeFeed} at start-up.
 */
public interface ChangeFollower {

	/** For logs. */
	String name();

	/** The kinds it applies; the others pass it by. */
	Set<Change.Kind> kinds();

	/**
	 * Where it stands: every change up to the answer is already applied. Empty to start
	 * from the end of the log (what it holds was just read from the database, or will
	 * be). Asked once, when the feed starts.
	 */
	OptionalLong resumeAfter();

	/**
	 * Applies changes of its kinds, in seq order. Applying a change twice must do no harm
	 * (after a restart the last ones may come again). An exception leaves them for the
	 * next attempt.
	 */
	void apply(List<Change> changes);

	/**
	 * Every change up to {@code seq} is applied: a follower that persists its place does
	 * it here.
	 */
	default void appliedUpTo(long seq) {
	}

}
