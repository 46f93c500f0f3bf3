package pe.gob.munlima.convoca.notify;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an unsubscribe link stops. Each e-mail's link names its own subscription, signed
 * ({@code recipient:42}, {@code changes:ana}: the sender's words, which this module does
 * not interpret), so a click stops that kind of e-mail for that person and nothing else.
 * A token is honoured only for a subscription some e-mail carried ({@code
 * notify_subscription}): a calendar token, signed with the same key, unsubscribes nobody.
 */
@Service
class Subscriptions {

	private final SignedTokens tokens;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	Subscriptions(SignedTokens tokens, JdbcClient jdbc, Outbox outbox, ApplicationEventPublisher events) {
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.events = events;
	}

	/**
	 * Remembers that an e-mail carries a link for {@code subscription}, and says whether
	 * its recipient stopped it: one round trip for every message handed over (the row
	 * inserted now is not unsubscribed; otherwise the stored one says).
	 */
	boolean registerAndCheckStopped(String subscription) {
		return this.jdbc.sql("""
				WITH added AS (INSERT INTO notify_subscription (subscription) VALUES (:subscription)
				               ON CONFLICT DO NOTHING RETURNING false AS stopped)
				SELECT stopped FROM added
				UNION ALL
				SELECT unsubscribed_at IS NOT NULL FROM notify_subscription WHERE subscription = :subscription
				LIMIT 1""").param("subscription", subscription).query(Boolean.class).single();
	}

	/** The subscription a token stands for; empty when the token is not genuine. */
	Optional<String> subject(String token) {
		return this.tokens.verify(token)
			.filter(subject -> this.jdbc.sql("SELECT count(*) FROM notify_subscription WHERE subscription = ?")
				.param(subject)
				.query(Long.class)
				.single() > 0);
	}

	/**
	 * Stops the subscription: nothing more is recorded for it, what still waits is
	 * cancelled, and its owner hears of it ({@link Unsubscribed}) in this transaction.
	 * Idempotent: a second click (or a mail client's one-click POST after a person's
	 * click) changes nothing.
	 * @return false when the token is not genuine
	 */
	@Transactional
	boolean unsubscribe(String token) {
		Optional<String> subject = subject(token);
		subject.ifPresent(subscription -> {
			this.jdbc
				.sql("UPDATE notify_subscription SET unsubscribed_at = coalesce(unsubscribed_at, now()) "
						+ "WHERE subscription = ?")
				.param(subscription)
				.update();
			this.outbox.cancel(subscription);
			this.events.publishEvent(new Unsubscribed(subscription));
		});
		return subject.isPresent();
	}

	/** The recipient asked for these e-mails again (in the sender's preferences). */
	void resubscribe(String subscription) {
		this.jdbc.sql("UPDATE notify_subscription SET unsubscribed_at = NULL WHERE subscription = ?")
			.param(subscription)
			.update();
	}

}
