/**
 * Notify: the delivery of e-mail, knowing nothing of calls, projects or matches. Other
 * modules decide what to say and to whom, and hand a
 * {@link pe.gob.munlima.convoca.notify.Message} to
 * {@link pe.gob.munlima.convoca.notify.Notifications#send} inside the transaction of what
 * it announces; this module renders it (Thymeleaf templates under
 * {@code templates/mail/}, which stay the senders' content, with the message bundles, in
 * the recipient's language), records it and sends it.
 * <p>
 * Every e-mail goes through one outbox table ({@code alert_outbox}, named before this
 * module existed): recorded with an idempotency key (digest period + recipient, call
 * change + recipient, ...) in the same transaction as what it announces, then sent by a
 * dispatcher that claims rows with {@code FOR UPDATE SKIP LOCKED} and a lease, retries
 * with backoff and ends in a dead-letter list. Nothing is sent twice because the key is
 * unique; nothing is skipped because the row exists before the SMTP exchange starts. The
 * one remaining edge (the SMTP server accepted the message and the node died before
 * marking it sent) is redelivered with the same Message-ID; see
 * {@link pe.gob.munlima.convoca.notify.MailDispatcher}. SMTP is Spring's
 * {@code JavaMailSender}; without one configured, mail waits in the outbox.
 * <p>
 * Unsubscriptions are decided here, not by the senders: a message names the subscription
 * its unsubscribe link stops ({@code recipient:42}, an opaque {@code topic:id} of the
 * sender's), the link is an HMAC-signed token
 * ({@link pe.gob.munlima.convoca.notify.SignedTokens}, also used by the calendar feeds),
 * and once someone unsubscribed, {@code send} records nothing more for that subscription
 * and what still waits is cancelled. The sender that owns the preference behind a
 * subscription hears {@link pe.gob.munlima.convoca.notify.Unsubscribed} synchronously, in
 * the same transaction, to turn its own setting off, and calls
 * {@link pe.gob.munlima.convoca.notify.Notifications#resubscribe} when the person turns
 * it on again. The unsubscribe page ({@code /unsubscribe/{token}}) and the RFC 8058
 * one-click address are this module's. Addresses are checked with
 * {@link pe.gob.munlima.convoca.notify.EmailAddresses} before a sender stores them.
 * <p>
 * It depends on {@code problem} only, to refuse a forged unsubscribe link in the reader's
 * language like every other module; the delivery settings keep their
 * {@code convoca.alerts.*} names.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "problem" })
package pe.gob.munlima.convoca.notify;
