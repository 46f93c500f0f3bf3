/**
 * Alerts: the weekly digest of new matches to the subgerencia (and per-gerencia digests
 * for project owners who opt in), saved searches that e-mail new calls, change notices to
 * the people who follow a call, deadline reminders for applications, and calendar feeds
 * of deadlines.
 * <p>
 * Every e-mail goes through one outbox table: recorded with an idempotency key (digest
 * period + recipient, call change + recipient, ...) in the same transaction as what it
 * announces, then sent by a dispatcher that claims rows with {@code FOR UPDATE SKIP
 * LOCKED} and a lease, retries with backoff and ends in a dead-letter list. Nothing is
 * sent twice because the key is unique; nothing is skipped because the row exists before
 * the SMTP exchange starts. The one remaining edge (the SMTP server accepted the message
 * and the node died before marking it sent) is redelivered with the same Message-ID; see
 * {@link pe.gob.munlima.convoca.alert.MailDispatcher}.
 * <p>
 * What the alerts act on reaches them through the event publication registry
 * ({@link pe.gob.munlima.convoca.alert.CallAlerts}, {@code @ApplicationModuleListener}):
 * calls stored, changed or closed, and every verdict that moved
 * ({@link pe.gob.munlima.convoca.match.MatchJudged}). Each is retried until it completes
 * and acts once: the change it records, the hit it stores, the outbox rows it writes
 * commit together, and a second delivery finds them. The alerts keep their own record of
 * what they heard and announced ({@code alert_call_change}, {@code alert_match}); change
 * notices and the digest decide from it, never from the match module's tables, so the
 * answer does not depend on whether the matcher or the alerts heard a change first.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "call", "crawl", "match", "programme",
		"project", "requirement", "rules", "search", "security", "tracking", "validation" })
package pe.gob.munlima.convoca.alert;
