/**
 * Alerts: the weekly digest of new matches to the subgerencia (and per-gerencia digests
 * for project owners who opt in), saved searches that e-mail new calls, change notices to
 * the people who follow a call, deadline reminders for applications, and calendar feeds
 * of deadlines.
 * <p>
 * This module decides what to say and to whom; the delivery is the notify module's. Each
 * e-mail is handed to {@link pe.gob.munlima.convoca.notify.Notifications#send} as a
 * {@link pe.gob.munlima.convoca.notify.Message} with an idempotency key (digest period +
 * recipient, call change + recipient, ...) inside the transaction of what it announces,
 * so it is recorded exactly when that commits and sent once by notify's outbox (its
 * package manual tells how). The templates under {@code templates/mail/} are this
 * module's content; notify renders them. Each message names the subscription its
 * unsubscribe link stops ({@link pe.gob.munlima.convoca.alert.AlertSubscriptions});
 * notify decides who unsubscribed and tells this module, which turns the preference off
 * so the pages show the truth, and lifts the unsubscription when the person turns it on
 * again.
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
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "call", "crawl", "match", "notify", "programme",
		"project", "requirement", "rules", "search", "security", "tracking", "validation" })
package pe.gob.munlima.convoca.alert;
