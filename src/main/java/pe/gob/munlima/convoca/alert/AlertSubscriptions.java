package pe.gob.munlima.convoca.alert;

import java.sql.Timestamp;
import java.time.Clock;

import pe.gob.munlima.convoca.notify.Notifications;
import pe.gob.munlima.convoca.notify.Unsubscribed;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The subscriptions the alerts' e-mails carry, as the notify module knows them: a digest
 * recipient ({@code recipient:42}), a saved search ({@code search:7}), a user's change
 * notices ({@code changes:ana}) or reminders ({@code reminders:ana}), an office-list
 * entry's reminders ({@code listreminders:42}). notify decides who unsubscribed; this
 * keeps the preference behind each subscription saying the same, both ways: an
 * unsubscribe link turns it off here (in notify's transaction, so the preferences page
 * never shows it on), and turning it on again here lifts the unsubscription there.
 */
@Component
class AlertSubscriptions {

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Clock clock;

	AlertSubscriptions(JdbcClient jdbc, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
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

	/** The subscriptions a saved preference has on, lifted in notify. */
	void turnedOn(Recipient recipient) {
		if (!"OFF".equals(recipient.digestFrequency())) {
			this.notifications.resubscribe(recipient(recipient.id()));
		}
		if (recipient.deadlineReminders()) {
			this.notifications.resubscribe(
					recipient.username() == null ? listReminders(recipient.id()) : reminders(recipient.username()));
		}
		if (recipient.changeNotices() && recipient.username() != null) {
			this.notifications.resubscribe(changes(recipient.username()));
		}
	}

	void turnedOn(SavedSearch search) {
		if (!"OFF".equals(search.frequency())) {
			this.notifications.resubscribe(search(search.id()));
		}
	}

	/**
	 * Synchronous, in the transaction that records the unsubscription: both commit
	 * together. A subscription of another module's is not ours to act on.
	 */
	@EventListener
	void on(Unsubscribed event) {
		String subscription = event.subscription();
		int colon = subscription.indexOf(':');
		if (colon <= 0) {
			return;
		}
		String kind = subscription.substring(0, colon);
		String value = subscription.substring(colon + 1);
		Timestamp now = Timestamp.from(this.clock.instant());
		switch (kind) {
			case "recipient" -> this.jdbc
				.sql("UPDATE alert_recipient SET digest_frequency = 'OFF', updated_at = ?, updated_by = 'unsubscribe' "
						+ "WHERE id = ?")
				.params(now, Long.parseLong(value))
				.update();
			case "listreminders" -> this.jdbc.sql(
					"UPDATE alert_recipient SET deadline_reminders = FALSE, updated_at = ?, updated_by = 'unsubscribe' "
							+ "WHERE id = ?")
				.params(now, Long.parseLong(value))
				.update();
			case "search" -> this.jdbc.sql("UPDATE saved_search SET frequency = 'OFF' WHERE id = ?")
				.param(Long.parseLong(value))
				.update();
			case "changes" -> userPreference(value, "change_notices", now);
			case "reminders" -> userPreference(value, "deadline_reminders", now);
			default -> {
				// Another module's subscription.
			}
		}
	}

	/**
	 * Turns one of a user's e-mails off; a user who never saved preferences gets a row
	 * with the defaults and that one off.
	 */
	private void userPreference(String username, String column, Timestamp now) {
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
