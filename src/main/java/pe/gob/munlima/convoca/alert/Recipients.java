package pe.gob.munlima.convoca.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alert_recipient table. */
@Repository
class Recipients {

	private static final String SELECT = "SELECT id, username, email, display_name, language, digest_frequency, "
			+ "gerencia_code, change_notices, deadline_reminders, created_at, updated_at, updated_by FROM alert_recipient ";

	private final JdbcClient jdbc;

	Recipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Recipient> all() {
		return this.jdbc.sql(SELECT + "ORDER BY gerencia_code NULLS FIRST, lower(email)").query(this::row).list();
	}

	/** Everyone who receives a weekly digest, office first. */
	List<Recipient> digestRecipients() {
		return this.jdbc.sql(SELECT + "WHERE digest_frequency = 'WEEKLY' ORDER BY gerencia_code NULLS FIRST, id")
			.query(this::row)
			.list();
	}

	Optional<Recipient> find(long id) {
		return this.jdbc.sql(SELECT + "WHERE id = ?").param(id).query(this::row).optional();
	}

	Optional<Recipient> ofUser(String username) {
		return this.jdbc.sql(SELECT + "WHERE username = ?").param(username).query(this::row).optional();
	}

	long insert(String username, RecipientForm form, String actor, Instant now) {
		return this.jdbc
			.sql("INSERT INTO alert_recipient (username, email, display_name, language, digest_frequency, "
					+ "gerencia_code, change_notices, deadline_reminders, created_at, updated_at, updated_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
			.params(username, form.email(), form.displayName(), form.language(), form.digestFrequency(),
					form.gerencia(), form.changeNotices(), form.deadlineReminders(), Timestamp.from(now),
					Timestamp.from(now), actor)
			.query(Long.class)
			.single();
	}

	void update(long id, RecipientForm form, String actor, Instant now) {
		this.jdbc
			.sql("UPDATE alert_recipient SET email = ?, display_name = ?, language = ?, digest_frequency = ?, "
					+ "gerencia_code = ?, change_notices = ?, deadline_reminders = ?, updated_at = ?, updated_by = ? "
					+ "WHERE id = ?")
			.params(form.email(), form.displayName(), form.language(), form.digestFrequency(), form.gerencia(),
					form.changeNotices(), form.deadlineReminders(), Timestamp.from(now), actor, id)
			.update();
	}

	boolean delete(long id) {
		return this.jdbc.sql("DELETE FROM alert_recipient WHERE id = ?").param(id).update() == 1;
	}

	private Recipient row(ResultSet rs, int n) throws SQLException {
		return new Recipient(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
				rs.getString("display_name"), rs.getString("language"), rs.getString("digest_frequency"),
				rs.getString("gerencia_code"), rs.getBoolean("change_notices"), rs.getBoolean("deadline_reminders"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("updated_by"));
	}

}
