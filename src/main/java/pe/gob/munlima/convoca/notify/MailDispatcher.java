package pe.gob.munlima.convoca.notify;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, one message at a time: claim (a short committed UPDATE
 * with a lease), the SMTP exchange, then mark it sent. What can go wrong, and what
 * happens:
 * <ul>
 * <li>the service stops before the claim, or after the claim and before the SMTP
 * exchange: the row is PENDING, or SENDING with a lease that runs out; it is sent (once)
 * after the restart or by another node;</li>
 * <li>the SMTP server refuses or cannot be reached: the row goes back to PENDING with a
 * growing delay (backoff, doubled each time) and, after {@code maxAttempts}, becomes a
 * dead letter the admin sees and can send again; an address the server rejects is a dead
 * letter at once;</li>
 * <li>the one window nobody can close: the server accepted the message (250 after DATA)
 * and the node died before the UPDATE that marks it sent, a few milliseconds. After the
 * lease the message is sent again, flagged {@code redelivered}, with the same Message-ID,
 * which mail servers (Gmail, Exchange) and clients use to drop the copy. So delivery is
 * at least once and, except in that window, exactly once.</li>
 * </ul>
 * The lease must exceed the SMTP timeouts (application.yml sets them), or a slow exchange
 * could be taken over while it still runs.
 */
@Component
class MailDispatcher {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private static final int ERROR_LENGTH = 1000;

	private final Outbox outbox;

	private final ObjectProvider<JavaMailSender> senders;

	private final NotifyProperties properties;

	/** Who holds a lease: this JVM, unique across restarts. */
	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final AtomicBoolean warnedNoSmtp = new AtomicBoolean();

	MailDispatcher(Outbox outbox, ObjectProvider<JavaMailSender> senders, NotifyProperties properties) {
		this.outbox = outbox;
		this.senders = senders;
		this.properties = properties;
	}

	boolean smtpConfigured() {
		return this.senders.getIfAvailable() != null;
	}

	/**
	 * Sends up to one batch of due messages.
	 * @return how many were sent
	 */
	synchronized int dispatch() {
		JavaMailSender sender = this.senders.getIfAvailable();
		if (sender == null) {
			if (this.warnedNoSmtp.compareAndSet(false, true)) {
				log.warn("No SMTP server configured (spring.mail.host): e-mails stay queued in the outbox "
						+ "and go out once one is configured");
			}
			return 0;
		}
		int sent = 0;
		NotifyProperties.Dispatch settings = this.properties.dispatch();
		for (int i = 0; i < settings.batchSize(); i++) {
			Optional<OutboxEntry> next = this.outbox.claim(this.node, settings.lease());
			if (next.isEmpty()) {
				break;
			}
			if (send(sender, next.get())) {
				sent++;
			}
		}
		return sent;
	}

	private boolean send(JavaMailSender sender, OutboxEntry entry) {
		try {
			sender.send(MailMessages.build(sender, entry, this.properties.from()));
		}
		catch (MailException | MessagingException ex) {
			failed(entry, ex);
			return false;
		}
		// The crash window: accepted by the server, not yet marked (see the class
		// comment).
		if (!this.outbox.markSent(entry.id(), this.node)) {
			log.warn("Outbox message {} was sent but its lease had been taken over; it may arrive twice "
					+ "(same Message-ID)", entry.id());
		}
		return true;
	}

	private void failed(OutboxEntry entry, Exception ex) {
		NotifyProperties.Dispatch settings = this.properties.dispatch();
		boolean permanent = permanent(ex);
		boolean dead = permanent || entry.attempts() >= settings.maxAttempts();
		Duration delay = backoff(entry.attempts(), settings);
		String error = describe(ex);
		this.outbox.markFailed(entry.id(), this.node, error, dead, delay);
		if (dead) {
			log.error("Outbox message {} to {} is a dead letter after {} attempt(s): {}", entry.id(), entry.recipient(),
					entry.attempts(), error);
		}
		else {
			log.warn("Outbox message {} to {} failed (attempt {}), next in {}: {}", entry.id(), entry.recipient(),
					entry.attempts(), delay, error);
		}
	}

	/** {@code backoff · 2^(attempts-1)}, at most {@code maxBackoff}. */
	static Duration backoff(int attempts, NotifyProperties.Dispatch settings) {
		Duration delay = settings.backoff();
		for (int i = 1; i < attempts && delay.compareTo(settings.maxBackoff()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
	}

	/**
	 * An address the server rejects, or one that is not an address at all, will not get
	 * better by waiting.
	 */
	private static boolean permanent(Exception ex) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof AddressException) {
				return true;
			}
			if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
					&& failed.getInvalidAddresses().length > 0) {
				return true;
			}
			if (cause instanceof MailSendException send) {
				for (Exception failedMessage : send.getFailedMessages().values()) {
					if (permanent(failedMessage)) {
						return true;
					}
				}
			}
			cause = cause.getCause() == cause ? null : cause.getCause();
		}
		return false;
	}

	private static String describe(Exception ex) {
		StringBuilder text = new StringBuilder(ex.getClass().getSimpleName()).append(": ").append(ex.getMessage());
		Throwable root = ex.getCause();
		while (root != null && root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root != null) {
			text.append(" (")
				.append(root.getClass().getSimpleName())
				.append(": ")
				.append(root.getMessage())
				.append(')');
		}
		return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text.toString();
	}

}
