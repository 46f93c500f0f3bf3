package pe.gob.munlima.convoca.notify;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. A message is recorded once per idempotency key; a node claims one due
 * message at a time ({@code FOR UPDATE SKIP LOCKED}, so two nodes never take the same
 * row) with a lease, and marks it sent or failed afterwards. A message whose lease ran
 * out while SENDING belonged to a node that stopped mid-send: another node takes it over
 * and flags it as redelivered. All times here are PostgreSQL's {@code now()}, the one
 * clock every node shares.
 */
@Repository
class Outbox {

	private static final String COLUMNS = "id, idempotency_key, kind, recipient, language, subject, body_text, body_html, "
			+ "message_id, unsubscribe_url, reference, status, attempts, next_attempt_at, claimed_by, redelivered, "
			+ "last_error, created_at, sent_at";

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a message unless its key is already there (in the caller's transaction).
	 * @return true when recorded now, false when the key was already recorded
	 */
	boolean enqueue(OutboxMessage message) {
		return this.jdbc
			.sql("INSERT INTO alert_outbox (idempotency_key, kind, recipient, language, subject, "
					+ "body_text, body_html, message_id, unsubscribe_url, subscription, reference) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " + "ON CONFLICT (idempotency_key) DO NOTHING")
			.params(message.key(), message.kind(), message.recipient(), message.language(), message.mail().subject(),
					message.mail().text(), message.mail().html(), messageId(message.key()), message.unsubscribeUrl(),
					message.subscription(), message.reference())
			.update() == 1;
	}

	boolean contains(String key) {
		return this.jdbc.sql("SELECT count(*) FROM alert_outbox WHERE idempotency_key = ?")
			.param(key)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Claims the next due message for {@code node}: a pending one whose time has come, or
	 * one whose sender's lease ran out. Commits at once (its own statement).
	 */
	Optional<OutboxEntry> claim(String node, Duration lease) {
		return this.jdbc
			.sql("UPDATE alert_outbox o SET status = 'SENDING', claimed_by = :node, "
					+ "lease_until = now() + make_interval(secs => :lease), attempts = o.attempts + 1, "
					+ "redelivered = o.redelivered OR o.status = 'SENDING' "
					+ "FROM (SELECT id FROM alert_outbox WHERE (status = 'PENDING' AND next_attempt_at <= now()) "
					+ "OR (status = 'SENDING' AND lease_until < now()) ORDER BY next_attempt_at, id LIMIT 1 "
					+ "FOR UPDATE SKIP LOCKED) due WHERE o.id = due.id RETURNING "
					+ COLUMNS.replaceAll("(^|, )", "$1o."))
			.param("node", node)
			.param("lease", lease.toMillis() / 1000.0)
			.query(this::row)
			.optional();
	}

	/**
	 * @return false when the lease was lost meanwhile (another node took it over)
	 */
	boolean markSent(long id, String node) {
		return this.jdbc
			.sql("UPDATE alert_outbox SET status = 'SENT', sent_at = now(), lease_until = NULL, "
					+ "last_error = NULL WHERE id = ? AND claimed_by = ? AND status = 'SENDING'")
			.params(id, node)
			.update() == 1;
	}

	/**
	 * A failed attempt: tried again after {@code delay}, or a dead letter when
	 * {@code dead}.
	 */
	void markFailed(long id, String node, String error, boolean dead, Duration delay) {
		this.jdbc
			.sql("UPDATE alert_outbox SET status = ?, next_attempt_at = now() + make_interval(secs => ?), "
					+ "last_error = ?, lease_until = NULL WHERE id = ? AND claimed_by = ? AND status = 'SENDING'")
			.params(dead ? "DEAD" : "PENDING", delay.toMillis() / 1000.0, error, id, node)
			.update();
	}

	/**
	 * What still waits for {@code subscription} will not be sent: its recipient
	 * unsubscribed. A message already being sent is past stopping.
	 */
	int cancel(String subscription) {
		return this.jdbc
			.sql("UPDATE alert_outbox SET status = 'CANCELLED', lease_until = NULL "
					+ "WHERE subscription = ? AND status = 'PENDING'")
			.param(subscription)
			.update();
	}

	/** A dead letter tried again from the start; false when it is not a dead letter. */
	boolean retry(long id) {
		return this.jdbc
			.sql("UPDATE alert_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = now() "
					+ "WHERE id = ? AND status = 'DEAD'")
			.param(id)
			.update() == 1;
	}

	Optional<OutboxEntry> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM alert_outbox WHERE id = ?")
			.param(id)
			.query(this::row)
			.optional();
	}

	/** Newest first; {@code status} null for every status. */
	List<OutboxEntry> list(String status, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM alert_outbox WHERE (CAST(:status AS TEXT) IS NULL OR status = :status) "
					+ "ORDER BY id DESC LIMIT :limit")
			.param("status", status)
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	List<OutboxEntry> byReference(String reference) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM alert_outbox WHERE reference = ? ORDER BY id")
			.param(reference)
			.query(this::row)
			.list();
	}

	/** How many messages are in each status. */
	Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String status : List.of("PENDING", "SENDING", "SENT", "DEAD", "CANCELLED")) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("SELECT status, count(*) AS n FROM alert_outbox GROUP BY status")
			.query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("n")))
			.list();
		return counts;
	}

	/**
	 * The Message-ID a key always gets: a message sent twice (the one crash window the
	 * outbox cannot close) reaches the mailbox with the same id, which mail servers and
	 * clients use to drop the copy.
	 */
	static String messageId(String key) {
		return "<" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)) + "@convoca.munlima.gob.pe>";
	}

	private OutboxEntry row(ResultSet rs, int n) throws SQLException {
		return new OutboxEntry(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("kind"),
				rs.getString("recipient"), rs.getString("language"), rs.getString("subject"), rs.getString("body_text"),
				rs.getString("body_html"), rs.getString("message_id"), rs.getString("unsubscribe_url"),
				rs.getString("reference"), rs.getString("status"), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), rs.getString("claimed_by"), rs.getBoolean("redelivered"),
				rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
