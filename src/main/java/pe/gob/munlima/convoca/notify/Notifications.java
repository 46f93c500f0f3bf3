package pe.gob.munlima.convoca.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of the delivery: hand over a message in their transaction, ask
 * whether a key is already there, turn a subscription back on, and the admin's view of
 * the outbox (counts, rows, sending a dead letter again).
 */
@Service
public class Notifications {

	private final Outbox outbox;

	private final MailTemplates templates;

	private final Subscriptions subscriptions;

	private final OutboxWorker worker;

	private final NotifyProperties properties;

	private final SignedTokens tokens;

	Notifications(Outbox outbox, MailTemplates templates, Subscriptions subscriptions, OutboxWorker worker,
			NotifyProperties properties, SignedTokens tokens) {
		this.outbox = outbox;
		this.templates = templates;
		this.subscriptions = subscriptions;
		this.worker = worker;
		this.properties = properties;
		this.tokens = tokens;
	}

	/**
	 * Records {@code message} in the caller's transaction, so it exists exactly when what
	 * it announces does, and sends it after the commit. Nothing is recorded when the key
	 * already is, or when the recipient unsubscribed from the message's subscription.
	 * @return true when recorded now
	 */
	@Transactional
	public boolean send(Message message) {
		String subscription = message.subscription();
		if (subscription != null) {
			if (this.subscriptions.registerAndCheckStopped(subscription)) {
				return false;
			}
		}
		// Rendering costs more than asking: a re-run of a digest renders nothing twice.
		if (this.outbox.contains(message.key())) {
			return false;
		}
		Map<String, Object> model = new HashMap<>(message.model());
		String oneClick = null;
		if (subscription != null) {
			String token = this.tokens.sign(subscription);
			model.put("unsubscribeUrl", this.properties.base() + "/unsubscribe/" + token);
			oneClick = this.properties.base() + "/api/unsubscribe/" + token;
		}
		RenderedMail mail = this.templates.render(message.template(), model, Locale.forLanguageTag(message.language()),
				message.subjectKey(), message.subjectArgs().toArray());
		boolean recorded = this.outbox.enqueue(new OutboxMessage(message.key(), message.kind(), message.recipient(),
				message.language(), mail, oneClick, subscription, message.reference()));
		if (recorded) {
			this.worker.nudge();
		}
		return recorded;
	}

	/** Whether a message with this idempotency key was recorded (whatever its state). */
	public boolean recorded(String key) {
		return this.outbox.contains(key);
	}

	/**
	 * The recipient turned these e-mails on again after unsubscribing (e.g. in their
	 * preferences): messages of {@code subscription} are recorded again.
	 */
	public void resubscribe(String subscription) {
		this.subscriptions.resubscribe(subscription);
	}

	/** How many messages are in each status. */
	public Map<String, Long> counts() {
		return this.outbox.counts();
	}

	/** Newest first; {@code status} null for every status. */
	public List<OutboxEntry> messages(String status, int limit) {
		return this.outbox.list(status, limit);
	}

	/** The messages of one {@link Message#reference}, oldest first. */
	public List<OutboxEntry> about(String reference) {
		return this.outbox.byReference(reference);
	}

	public Optional<OutboxEntry> message(long id) {
		return this.outbox.find(id);
	}

	/**
	 * A dead letter back in the queue, attempts from zero, sent at once.
	 * @return false when {@code id} is not a dead letter
	 */
	public boolean retry(long id) {
		boolean retried = this.outbox.retry(id);
		if (retried) {
			this.worker.nudge();
		}
		return retried;
	}

	/** Sends what is due now rather than at the next round (after the commit, if any). */
	public void dispatchSoon() {
		this.worker.nudge();
	}

}
