package pe.gob.munlima.convoca.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checklist tasks in PostgreSQL. A task's row holds its current state; every change to it
 * (created, edited, done, undone, removed) is appended to its event log with who and
 * when. A removed task is hidden, never deleted.
 */
@Component
class TaskStore {

	private static final String COLUMNS = "t.id, t.application_id, t.origin, t.rule_id, t.finding, t.title, t.owner, "
			+ "t.due_on, t.done_at, t.done_by, t.created_by, t.created_at";

	/** Applications still under way: their open tasks can be overdue. */
	private static final String UNDER_WAY = "('IDENTIFIED', 'EVALUATING', 'APPLYING', 'SUBMITTED')";

	private final JdbcClient jdbc;

	TaskStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long add(long applicationId, String ruleId, String finding, String title, String owner, LocalDate dueOn,
			String actor, Instant at) {
		long id = this.jdbc
			.sql("INSERT INTO application_task (application_id, origin, rule_id, finding, title, owner, due_on, "
					+ "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
			.params(applicationId, finding == null ? "USER" : "FINDING", ruleId, finding, title, owner, dueOn, actor,
					Timestamp.from(at))
			.query(Long.class)
			.single();
		event(id, "CREATED", ruleId, actor, at);
		return id;
	}

	/** The application's tasks not removed, in the order they were added. */
	List<TaskRow> of(long applicationId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM application_task t WHERE t.application_id = ? AND t.removed_at IS NULL "
					+ "ORDER BY t.id")
			.param(applicationId)
			.query(TaskStore::row)
			.list();
	}

	Optional<TaskRow> find(long applicationId, long taskId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM application_task t WHERE t.application_id = ? AND t.id = ? "
					+ "AND t.removed_at IS NULL")
			.params(applicationId, taskId)
			.query(TaskStore::row)
			.optional();
	}

	/** Rule ids that already gave a task (even one since removed): derived once only. */
	List<String> derivedRuleIds(long applicationId) {
		return this.jdbc
			.sql("SELECT rule_id FROM application_task WHERE application_id = ? AND origin = 'FINDING' ORDER BY id")
			.param(applicationId)
			.query(String.class)
			.list();
	}

	void edit(long taskId, String title, String owner, LocalDate dueOn, String detail, String actor, Instant at) {
		this.jdbc.sql("UPDATE application_task SET title = ?, owner = ?, due_on = ? WHERE id = ?")
			.params(title, owner, dueOn, taskId)
			.update();
		event(taskId, "EDITED", detail, actor, at);
	}

	void done(long taskId, boolean done, String actor, Instant at) {
		this.jdbc.sql("UPDATE application_task SET done_at = ?, done_by = ? WHERE id = ?")
			.params(done ? Timestamp.from(at) : null, done ? actor : null, taskId)
			.update();
		event(taskId, done ? "DONE" : "UNDONE", null, actor, at);
	}

	void remove(long taskId, String actor, Instant at) {
		this.jdbc.sql("UPDATE application_task SET removed_at = ?, removed_by = ? WHERE id = ?")
			.params(Timestamp.from(at), actor, taskId)
			.update();
		event(taskId, "REMOVED", null, actor, at);
	}

	/**
	 * Open tasks due before {@code today} of applications still under way, the most
	 * overdue first.
	 */
	List<Overdue> overdue(LocalDate today) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", a.match_id, a.stage FROM application_task t "
					+ "JOIN application a ON a.id = t.application_id WHERE t.done_at IS NULL AND t.removed_at IS NULL "
					+ "AND t.due_on < ? AND a.stage IN " + UNDER_WAY + " ORDER BY t.due_on, t.id")
			.param(today)
			.query((rs, n) -> new Overdue(row(rs, n), rs.getLong("match_id"), Stage.valueOf(rs.getString("stage"))))
			.list();
	}

	/** Open and overdue task counts, by application id. */
	Map<Long, int[]> counts(LocalDate today) {
		Map<Long, int[]> counts = new HashMap<>();
		this.jdbc
			.sql("SELECT t.application_id, count(*) AS open, count(*) FILTER (WHERE t.due_on < ? AND a.stage IN "
					+ UNDER_WAY + ") AS overdue FROM application_task t JOIN application a ON a.id = t.application_id "
					+ "WHERE t.done_at IS NULL AND t.removed_at IS NULL GROUP BY t.application_id")
			.param(today)
			.query(rs -> {
				counts.put(rs.getLong("application_id"), new int[] { rs.getInt("open"), rs.getInt("overdue") });
			});
		return counts;
	}

	private void event(long taskId, String action, String detail, String actor, Instant at) {
		this.jdbc.sql("INSERT INTO application_task_event (task_id, action, detail, actor, at) VALUES (?, ?, ?, ?, ?)")
			.params(taskId, action, detail, actor, Timestamp.from(at))
			.update();
	}

	private static TaskRow row(ResultSet rs, int n) throws SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		return new TaskRow(rs.getLong("id"), rs.getLong("application_id"), rs.getString("rule_id"),
				rs.getString("finding"), rs.getString("title"), rs.getString("owner"),
				rs.getObject("due_on", LocalDate.class), done == null ? null : done.toInstant(),
				rs.getString("done_by"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * A task as stored.
	 *
	 * @param finding JSON of the reason a derived task came from; null for a user's task
	 * @param title what a user wrote, or an edit of a derived task's text; null for a
	 * derived task as derived
	 */
	record TaskRow(long id, long applicationId, String ruleId, String finding, String title, String owner,
			LocalDate dueOn, Instant doneAt, String doneBy, String createdBy, Instant createdAt) {

		boolean done() {
			return this.doneAt != null;
		}

		boolean overdue(LocalDate today) {
			return !done() && this.dueOn != null && this.dueOn.isBefore(today);
		}

	}

	/** An overdue task with its application's match and stage. */
	record Overdue(TaskRow task, long matchId, Stage stage) {
	}

}
