package pe.gob.munlima.convoca.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.match.MatchedCall;
import pe.gob.munlima.convoca.notify.EmailAddresses;
import pe.gob.munlima.convoca.notify.Message;
import pe.gob.munlima.convoca.notify.Notifications;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the digest of one period (an ISO week in Lima): claims the period, gathers what is
 * new since the previous digest, records one e-mail per recipient in the outbox (key:
 * period + scope + address) and marks the matches it announced, all in one transaction.
 * So a period runs once whatever fires it (the cron, a misfire at start-up, a second
 * node, an admin): the second run finds the period claimed and records nothing; a run
 * that fails half-way records nothing either and can simply run again.
 */
@Service
class DigestService {

	private static final Logger log = LoggerFactory.getLogger(DigestService.class);

	private final DigestRuns runs;

	private final DigestBuilder builder;

	private final DigestViews views;

	private final Recipients recipients;

	private final Notifications notifications;

	private final Links links;

	private final AlertMatches matches;

	private final AlertProperties properties;

	private final Clock clock;

	DigestService(DigestRuns runs, DigestBuilder builder, DigestViews views, Recipients recipients,
			Notifications notifications, Links links, AlertMatches matches, AlertProperties properties, Clock clock) {
		this.clock = clock;
		this.runs = runs;
		this.builder = builder;
		this.views = views;
		this.recipients = recipients;
		this.notifications = notifications;
		this.links = links;
		this.matches = matches;
		this.properties = properties;
	}

	/** The digest of the current week, now (an admin's "run now"). */
	@Transactional
	Result runNow() {
		return run("MANUAL", this.clock.instant());
	}

	/**
	 * The digest of the week the trigger was due in; what it tells runs up to now.
	 */
	@Transactional
	Result runScheduled(Instant due) {
		return run("CRON", due);
	}

	/**
	 * @param due the moment the digest stands for: its ISO week is the period
	 * @return the period's run, and whether this call created it
	 */
	private Result run(String trigger, Instant due) {
		String period = period(due, ZoneId.of(this.properties.digest().zone()));
		Instant at = this.clock.instant();
		Instant from = this.runs.lastWindowEnd().map(end -> end.isBefore(at) ? end : at).orElse(null);
		Optional<Long> claimed = this.runs.claim(period, trigger, from, at);
		if (claimed.isEmpty()) {
			log.info("Digest {} already ran; nothing sent again", period);
			return new Result(this.runs.find(period).orElseThrow(), false);
		}
		DigestData data = this.builder.collect(period, from, at);
		int messages = 0;
		for (Recipient recipient : this.recipients.digestRecipients()) {
			DigestData scoped = data.narrowedTo(recipient.gerencia());
			if (scoped.isEmpty() && !this.properties.digest().sendWhenEmpty()) {
				continue;
			}
			if (this.notifications.send(message(period, recipient, scoped))) {
				messages++;
			}
		}
		List<MatchedCall> announced = data.announced();
		this.matches.markAnnounced(announced, at);
		this.runs.complete(claimed.get(), messages, announced.size(), data.closing().size(), data.changed().size());
		log.info("Digest {} ({}): {} e-mails recorded, {} new matches, {} closing soon, {} changed calls", period,
				trigger, messages, announced.size(), data.closing().size(), data.changed().size());
		return new Result(this.runs.find(period).orElseThrow(), true);
	}

	private Message message(String period, Recipient recipient, DigestData data) {
		DigestView view = this.views.view(data, recipient);
		String subjectKey = view.empty() ? "alert.digest.subject.empty"
				: recipient.gerencia() == null ? "alert.digest.subject" : "alert.digest.subject.gerencia";
		List<Object> subjectArgs = view.empty() ? List.of(period)
				: recipient.gerencia() == null ? List.of(view.callCount(), view.newCount(), period)
						: List.of(recipient.gerencia(), view.callCount(), view.newCount(), period);
		String key = "digest:" + period + ":" + recipient.scope() + ":" + EmailAddresses.normalise(recipient.email());
		return new Message(key, "DIGEST", recipient.email(), recipient.language(), "digest", Map.of("d", view),
				subjectKey, subjectArgs, AlertSubscriptions.recipient(recipient.id()), "digest:" + period);
	}

	/** The ISO week of {@code at} in the digest's zone: 2027-W10. */
	static String period(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		return String.format(Locale.ROOT, "%d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR),
				local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	record Result(DigestRun run, boolean created) {
	}

}
