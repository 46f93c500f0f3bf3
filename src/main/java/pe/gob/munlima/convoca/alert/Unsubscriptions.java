package pe.gob.munlima.convoca.alert;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an unsubscribe link stops. Each e-mail's link names its own subscription, signed,
 * so a click stops that kind of e-mail for that person and nothing else: a digest
 * recipient ({@code recipient:42}), a saved search ({@code search:7}), a user's change
 * notices ({@code changes:ana}) or reminders ({@code reminders:ana}).
 */
@Service
class Unsubscriptions {

	private final SignedTokens tokens;

	private final JdbcClient jdbc;

	private final Clock clock;

	Unsubscriptions(SignedTokens tokens, JdbcClient jdbc, Clock clock) {
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	static String recipient(long id) {
		return "recipient:" + id;
	}

	static String search(long id) {
		return "search:" + id;
	}

	static String changes(String username) {
		return "changes:" + username;
	}

	static String reminders(String username) {
		return "reminders:" + username;
	}

	/** The reminders an entry of the office list receives. */
	static String listReminders(long id) {
		return "listreminders:" + id;
	}

	/** The subscription a token stands for; empty when the token is not genuine. */
	Optional<String> subject(String token) {
		return this.tokens.verify(token)
			.filter(subject -> subject.matches("(recipient|search|changes|reminders|listreminders):.+"));
	}

	/**
	 * Stops the subscription. Idempotent: a second click (or a mail client's one-click
	 * POST after a person's click) changes nothing.
	 * @return false when the token is not genuine
	 */
	@Transactional
	boolean unsubscribe(String token) {
		Optional<String> subject = subject(token);
		subject.ifPresent(this::stop);
		return subject.isPresent();
	}

	private void stop(String subject) {
		int colon = subject.indexOf(':');
		String kind = subject.substring(0, colon);
		String value = subject.substring(colon + 1);
		switch (kind) {
			case "recipient" -> this.jdbc
				.sql("UPDATE alert_recipient SET digest_frequency = 'OFF', updated_at = ?, updated_by = 'unsubscribe' "
						+ "WHERE id = ?")
				.params(java.sql.Timestamp.from(this.clock.instant()), Long.parseLong(value))
				.update();
			case "listreminders" -> this.jdbc.sql(
					"UPDATE alert_recipient SET deadline_reminders = FALSE, updated_at = ?, updated_by = 'unsubscribe' "
							+ "WHERE id = ?")
				.params(java.sql.Timestamp.from(this.clock.instant()), Long.parseLong(value))
				.update();
			case "search" -> this.jdbc.sql("UPDATE saved_search SET frequency = 'OFF' WHERE id = ?")
				.param(Long.parseLong(value))
				.update();
			default -> userPreference(value, "changes".equals(kind) ? "change_notices" : "deadline_reminders");
		}
	}

	/**
	 * Turns one of a user's e-mails off; a user who never saved preferences gets a row
	 * with the defaults and that one off.
	 */
	private void userPreference(String username, String column) {
		java.sql.Timestamp now = java.sql.Timestamp.from(this.clock.instant());
		int updated = this.jdbc
			.sql("UPDATE alert_recipient SET " + column + " = FALSE, updated_at = ?, updated_by = 'unsubscribe' "
					+ "WHERE username = ?")
			.params(now, username)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO alert_recipient (username, email, display_name, digest_frequency, gerencia_code, "
						+ column + ", created_at, updated_at, updated_by) SELECT username, email, display_name, 'OFF', "
						+ "gerencia_code, FALSE, ?, ?, 'unsubscribe' FROM app_user WHERE username = ? ON CONFLICT DO NOTHING")
				.params(now, now, username)
				.update();
		}
	}

}
