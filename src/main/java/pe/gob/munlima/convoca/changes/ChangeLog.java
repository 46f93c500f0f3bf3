package pe.gob.munlima.convoca.changes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code change_log}: entries written by the modules whose changes live in
 * files rather than rows (thesaurus reloads, source definitions) — calls and rule
 * versions are logged by triggers — and read by {@link ChangeFeed}.
 */
@Repository
public class ChangeLog {

	private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);

	/** The LISTEN/NOTIFY channel the insert trigger notifies (V70__change_log.sql). */
	static final String CHANNEL = "convoca_change_log";

	/** Snapshot bounds of the statement, as numbers (xid8 has no JDBC type). */
	private static final String SNAPSHOT = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin, "
			+ "pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax";

	private final JdbcClient jdbc;

	ChangeLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a change in the caller's transaction (or on its own when there is none):
	 * the nodes hear of it when it commits.
	 */
	public void append(Change.Kind kind, Long subjectId) {
		this.jdbc.sql("INSERT INTO change_log (kind, subject_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(kind.name(), subjectId)
			.update();
	}

	/** The highest seq written so far, 0 for an empty log. */
	public long lastSeq() {
		return this.jdbc.sql("SELECT coalesce(max(seq), 0) FROM change_log").query(Long.class).single();
	}

	/**
	 * The highest seq pruning removed: a follower that stopped below it missed entries.
	 */
	public long prunedUpTo() {
		return this.jdbc.sql("SELECT upto FROM change_log_pruned WHERE id = 1").query(Long.class).single();
	}

	/**
	 * The end of the log as a place to start from: the highest seq, once every
	 * transaction that may still commit an entry below it has ended (waiting at most
	 * {@code wait}; transactions are short, so this takes milliseconds). Whatever such a
	 * transaction changed is then in the database for the follower to read.
	 */
	long settledEnd(Duration wait) {
		Bounds end = this.jdbc.sql("SELECT coalesce((SELECT max(seq) FROM change_log), 0) AS head, " + SNAPSHOT)
			.query((rs, n) -> new Bounds(rs.getLong("head"), rs.getLong("xmin"), rs.getLong("xmax")))
			.single();
		long deadline = System.nanoTime() + wait.toNanos();
		long xmin = end.xmin();
		while (xmin < end.xmax()) {
			if (System.nanoTime() > deadline) {
				log.warn("Transactions older than {} still run; following the change log from seq {} without "
						+ "waiting for them", wait, end.head());
				break;
			}
			pause();
			xmin = this.jdbc.sql("SELECT " + SNAPSHOT).query((rs, n) -> rs.getLong("xmin")).single();
		}
		return end.head();
	}

	/**
	 * What a cursor has not seen: entries above its highest seq (at most {@code limit})
	 * and those of its gaps that committed since, in seq order, with the bounds of the
	 * snapshot that read them (one statement, one snapshot).
	 */
	Read read(ChangeCursor cursor, int limit) {
		List<Change> changes = new ArrayList<>();
		long[] bounds = new long[2];
		this.jdbc
			.sql("SELECT s.xmin, s.xmax, c.seq, c.kind, c.subject_id, c.at FROM (SELECT " + SNAPSHOT + ") s "
					+ "LEFT JOIN LATERAL (SELECT seq, kind, subject_id, at FROM change_log "
					+ "WHERE seq > ? OR seq = ANY (?::bigint[]) ORDER BY seq LIMIT ?) c ON true")
			.params(cursor.highest(), cursor.gapsLiteral(), limit)
			.query(rs -> {
				bounds[0] = rs.getLong("xmin");
				bounds[1] = rs.getLong("xmax");
				long seq = rs.getLong("seq");
				if (!rs.wasNull()) {
					long subject = rs.getLong("subject_id");
					Long subjectId = rs.wasNull() ? null : subject;
					changes.add(new Change(seq, Change.Kind.valueOf(rs.getString("kind")), subjectId,
							rs.getTimestamp("at").toInstant()));
				}
			});
		return new Read(changes, bounds[0], bounds[1]);
	}

	/**
	 * Removes the entries older than {@code retention} (by the database's clock, the one
	 * that stamped them) and remembers the highest seq removed, in one statement: two
	 * nodes pruning at once agree.
	 * @return how many were removed
	 */
	int prune(Duration retention) {
		return this.jdbc
			.sql("WITH gone AS (DELETE FROM change_log WHERE seq <= (SELECT max(seq) FROM change_log WHERE at < now() - make_interval(secs => ?)) "
					+ "RETURNING seq) UPDATE change_log_pruned SET upto = greatest(upto, (SELECT max(seq) FROM gone)) "
					+ "WHERE id = 1 AND EXISTS (SELECT 1 FROM gone) RETURNING (SELECT count(*) FROM gone)")
			.param((double) retention.toSeconds())
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for running transactions", ex);
		}
	}

	/** The entries one read found, and the snapshot bounds of that read. */
	record Read(List<Change> changes, long xmin, long xmax) {
	}

	private record Bounds(long head, long xmin, long xmax) {
	}

}
