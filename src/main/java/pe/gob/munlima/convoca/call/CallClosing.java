package pe.gob.munlima.convoca.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each call's status true as time passes, without waiting for its source to be
 * fetched again: a call whose deadline passed moves on to its next deadline (stage 2 of a
 * two-stage call) or closes; a forthcoming call whose opening date came opens. Run by
 * {@link CallClosingJob} every hour (Quartz, clustered: once across nodes) and at
 * start-up. Each call is changed in its own transaction under a row lock, so two nodes
 * never close one call twice, and the change is published for the search index, the
 * matches and the alerts ({@link CallClosed}, or {@link CallStored} for a moved deadline
 * or an opening).
 */
@Service
public class CallClosing {

	private static final Logger log = LoggerFactory.getLogger(CallClosing.class);

	private final CallRepository calls;

	private final KeyDates keyDates;

	private final CallVersions versions;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CallClosing(CallRepository calls, KeyDates keyDates, CallVersions versions, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.calls = calls;
		this.keyDates = keyDates;
		this.versions = versions;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return how many calls closed
	 */
	public int sweep() {
		Instant now = this.clock.instant();
		int closed = 0;
		for (long id : this.calls.findOpenWithDeadlineBefore(now)) {
			if (Boolean.TRUE.equals(this.transactions.execute(status -> deadlinePassed(id, now)))) {
				closed++;
			}
		}
		for (long id : this.calls.findForthcomingOpenedBy(now)) {
			this.transactions.executeWithoutResult(status -> opened(id, now));
		}
		if (closed > 0) {
			log.info("{} calls closed: their deadline passed", closed);
		}
		return closed;
	}

	private boolean deadlinePassed(long id, Instant now) {
		Call call = this.calls.lockById(id).orElse(null);
		if (call == null || "CLOSED".equals(call.getStatus()) || call.getDeadline() == null
				|| !call.getDeadline().isBefore(now)) {
			return false;
		}
		Instant before = call.getDeadline();
		String status = call.getStatus();
		KeyDate next = CallNormaliser.nextDeadline(this.keyDates.of(id), now);
		if (!call.deadlineReached(next, now)) {
			FieldChange moved = new FieldChange("deadline", before.toString(), call.getDeadline().toString());
			this.versions.record(id, List.of(moved), null, null, now);
			this.events.publishEvent(new CallStored(id, CallStored.Change.UPDATED, List.of(moved), now));
			return false;
		}
		this.versions.record(id, List.of(CallDiff.closing(status)), null, null, now);
		this.events.publishEvent(new CallClosed(id, CallClosed.Reason.DEADLINE_PASSED, now, status));
		return true;
	}

	private void opened(long id, Instant now) {
		Call call = this.calls.lockById(id).orElse(null);
		if (call == null || !"FORTHCOMING".equals(call.getStatus())) {
			return;
		}
		call.opened(now);
		FieldChange change = new FieldChange("status", "FORTHCOMING", "OPEN");
		this.versions.record(id, List.of(change), null, null, now);
		this.events.publishEvent(new CallStored(id, CallStored.Change.UPDATED, List.of(change), now));
	}

}
