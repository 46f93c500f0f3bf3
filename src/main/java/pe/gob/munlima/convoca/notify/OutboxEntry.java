package pe.gob.munlima.convoca.notify;

import java.time.Instant;

/**
 * A row of the outbox as the dispatcher and the admin see it.
 *
 * @param kind the sender's name for this sort of e-mail
 * @param status PENDING, SENDING, SENT, DEAD (a dead letter, see
 * {@link Notifications#retry}) or CANCELLED (its recipient unsubscribed before it left)
 * @param redelivered it was taken over from a node that stopped while sending it: the
 * SMTP server may have accepted the first attempt
 */
public record OutboxEntry(long id, String key, String kind, String recipient, String language, String subject,
		String text, String html, String messageId, String unsubscribeUrl, String reference, String status,
		int attempts, Instant nextAttemptAt, String claimedBy, boolean redelivered, String lastError, Instant createdAt,
		Instant sentAt) {

}
