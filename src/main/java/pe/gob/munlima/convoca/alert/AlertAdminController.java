package pe.gob.munlima.convoca.alert;

import java.util.List;
import java.util.Map;

import pe.gob.munlima.convoca.notify.Notifications;
import pe.gob.munlima.convoca.notify.OutboxEntry;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subgerencia's view of the alerts: run the digest now, the digests sent, the outbox
 * by status, the dead letters and sending one again.
 */
@RestController
class AlertAdminController {

	private static final int LIMIT = 200;

	private final DigestService digests;

	private final DigestRuns runs;

	private final Notifications notifications;

	AlertAdminController(DigestService digests, DigestRuns runs, Notifications notifications) {
		this.digests = digests;
		this.runs = runs;
		this.notifications = notifications;
	}

	/**
	 * This week's digest, now. Idempotent: when this week's digest already went out, it
	 * answers that run and sends nothing again.
	 */
	@PostMapping("/api/admin/digests/run")
	RunView run() {
		DigestService.Result result = this.digests.runNow();
		return new RunView(result.created(), result.run());
	}

	@GetMapping("/api/admin/digests")
	List<DigestRun> digests() {
		return this.runs.recent(LIMIT);
	}

	/** The e-mails of one digest period, with their delivery state. */
	@GetMapping("/api/admin/digests/{period}/messages")
	List<OutboxView> digestMessages(@PathVariable String period) {
		return this.notifications.about("digest:" + period).stream().map(OutboxView::of).toList();
	}

	@GetMapping("/api/admin/alerts/outbox")
	OutboxPage outbox(@RequestParam(required = false) String status) {
		return new OutboxPage(this.notifications.counts(),
				this.notifications.messages(status == null ? null : status.toUpperCase(java.util.Locale.ROOT), LIMIT)
					.stream()
					.map(OutboxView::of)
					.toList());
	}

	@GetMapping("/api/admin/alerts/dead-letters")
	List<OutboxView> deadLetters() {
		return this.notifications.messages("DEAD", LIMIT).stream().map(OutboxView::of).toList();
	}

	/** A dead letter back in the queue, attempts from zero. */
	@PostMapping("/api/admin/alerts/dead-letters/{id}/retry")
	OutboxView retry(@PathVariable long id) {
		if (!this.notifications.retry(id)) {
			throw new AlertRejectedException(HttpStatus.NOT_FOUND, "unknownDeadLetter", id);
		}
		return OutboxView.of(this.notifications.message(id).orElseThrow());
	}

	/**
	 * @param created false when this week's digest had already run
	 */
	record RunView(boolean created, DigestRun run) {
	}

	record OutboxPage(Map<String, Long> counts, List<OutboxView> messages) {
	}

	/** An outbox row without its bodies. */
	record OutboxView(long id, String key, String kind, String recipient, String subject, String status, int attempts,
			java.time.Instant nextAttemptAt, boolean redelivered, String lastError, java.time.Instant createdAt,
			java.time.Instant sentAt, String messageId) {

		static OutboxView of(OutboxEntry entry) {
			return new OutboxView(entry.id(), entry.key(), entry.kind(), entry.recipient(), entry.subject(),
					entry.status(), entry.attempts(), entry.nextAttemptAt(), entry.redelivered(), entry.lastError(),
					entry.createdAt(), entry.sentAt(), entry.messageId());
		}

	}

}
