package pe.gob.munlima.convoca.tracking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import pe.gob.munlima.convoca.money.Amount;
import pe.gob.munlima.convoca.tracking.ApplicationStore.ApplicationRow;
import pe.gob.munlima.convoca.tracking.TransitionForms.AmountForm;
import pe.gob.munlima.convoca.tracking.TransitionForms.AwardForm;
import pe.gob.munlima.convoca.tracking.TransitionForms.Transition;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves applications through the pipeline. A move is checked against the table of
 * {@link Transitions} (409 when refused, naming the stages allowed), and against what its
 * target needs (422): a reason from the list to discard, an amount, currency and date to
 * record an award. It is appended to the history with who, when and the note, and
 * published as {@link ApplicationStageChanged}. Entering "postulando" derives the
 * checklist.
 */
@Service
@Transactional
class Pipeline {

	static final int NOTE_MAX = 2000;

	static final int REFERENCE_MAX = 200;

	private final Subjects subjects;

	private final ApplicationStore store;

	private final Checklist checklist;

	private final TrackingProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Pipeline(Subjects subjects, ApplicationStore store, Checklist checklist, TrackingProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.subjects = subjects;
		this.store = store;
		this.checklist = checklist;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** Moves the match's application as the current user (who must act for it). */
	Stage move(long matchId, Transition transition) {
		Subject subject = this.subjects.forChange(matchId);
		return move(subject, transition, this.subjects.actor());
	}

	/** Moves the application as {@code actor}, who was already checked. */
	Stage move(Subject subject, Transition transition, String actor) {
		Stage to = Stage.parse(transition.to())
			.orElseThrow(() -> new TrackingRefusedException(HttpStatus.BAD_REQUEST, "unknownStage", transition.to(),
					TrackingLabels.stages(Arrays.asList(Stage.values()))));
		Instant now = this.clock.instant();
		ApplicationRow application = this.store.lockOrCreate(subject.match(), now);
		Stage from = application.stage();
		checkAllowed(from, to);
		String note = text(transition.note(), NOTE_MAX, "noteTooLong");
		String reason = discardReason(to, transition.reason(), note);
		Award award = award(to, transition.award(), actor, now);
		Amount requested = requested(to, transition.requested(), subject);
		this.store.moveTo(application.id(), to, now);
		this.store.appendChange(application.id(), from, to, reason, note, actor, now);
		if (to == Stage.APPLYING) {
			this.checklist.derive(subject, application, actor, now);
		}
		if (award != null) {
			this.store.appendAward(application.id(), award);
		}
		if (requested != null) {
			this.store.setRequested(application.id(), requested);
		}
		this.events.publishEvent(new ApplicationStageChanged(subject.match().id(), subject.call().id(),
				subject.project().id(), subject.gerencia(), from, to, actor, now, note));
		return to;
	}

	/**
	 * Records a corrected or completed award (e.g. the convenio's reference once signed):
	 * appended, the earlier record kept.
	 */
	void recordAward(long matchId, AwardForm form) {
		Subject subject = this.subjects.forChange(matchId);
		String actor = this.subjects.actor();
		Instant now = this.clock.instant();
		ApplicationRow application = this.store.lockOrCreate(subject.match(), now);
		if (application.stage() != Stage.AWARDED) {
			throw new TrackingRefusedException(HttpStatus.CONFLICT, "notAwarded",
					TrackingLabels.stage(application.stage()));
		}
		this.store.appendAward(application.id(), award(Stage.AWARDED, form, actor, now));
	}

	private static void checkAllowed(Stage from, Stage to) {
		if (from == to) {
			throw new TrackingRefusedException(HttpStatus.CONFLICT, "sameStage", TrackingLabels.stage(to));
		}
		if (from.isFinal()) {
			throw new TrackingRefusedException(HttpStatus.CONFLICT, "finalStage", TrackingLabels.stage(from));
		}
		if (!Transitions.allows(from, to)) {
			throw new TrackingRefusedException(HttpStatus.CONFLICT, "notAllowed", TrackingLabels.stage(from),
					TrackingLabels.stage(to), TrackingLabels.stages(Transitions.from(from)));
		}
	}

	private String discardReason(Stage to, String reason, String note) {
		boolean given = reason != null && !reason.isBlank();
		if (to != Stage.DISCARDED) {
			if (given) {
				throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "reasonOnlyForDiscard");
			}
			return null;
		}
		if (!given) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "discardReasonRequired",
					discardReasons());
		}
		TrackingProperties.DiscardReason known = this.properties.discardReason(reason)
			.orElseThrow(() -> new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "unknownDiscardReason",
					reason.strip(), discardReasons()));
		if (known.noteRequired() && note == null) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "noteRequired",
					TrackingLabels.discardReason(known.code()));
		}
		return known.code();
	}

	private List<Object> discardReasons() {
		return this.properties.discardReasonCodes().stream().<Object>map(TrackingLabels::discardReason).toList();
	}

	private Award award(Stage to, AwardForm form, String actor, Instant now) {
		if (to != Stage.AWARDED) {
			if (form != null) {
				throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "awardOnlyForAwarded");
			}
			return null;
		}
		if (form == null || form.amount() == null || form.currency() == null || form.currency().isBlank()
				|| form.awardedOn() == null) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "awardRequired");
		}
		BigDecimal amount = money(form.amount(), "awardAmount");
		String currency = currency(form.currency());
		LocalDate today = this.checklist.today();
		if (form.awardedOn().isAfter(today)) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "awardDateFuture", form.awardedOn());
		}
		String documentType = null;
		if (form.documentType() != null && !form.documentType().isBlank()) {
			documentType = this.properties.documentType(form.documentType())
				.orElseThrow(() -> new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "unknownDocumentType",
						form.documentType().strip(),
						this.properties.documentTypes().stream().<Object>map(TrackingLabels::documentType).toList()));
		}
		return new Award(amount, currency, form.awardedOn(), documentType,
				text(form.documentReference(), REFERENCE_MAX, "referenceTooLong"), actor, now);
	}

	private Amount requested(Stage to, AmountForm form, Subject subject) {
		if (to != Stage.SUBMITTED) {
			if (form != null) {
				throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "requestedOnlyForSubmitted");
			}
			return null;
		}
		if (form == null || form.amount() == null) {
			return new Amount(subject.project().requestedAmount(), subject.project().currency());
		}
		String currency = form.currency() == null || form.currency().isBlank() ? subject.project().currency()
				: currency(form.currency());
		return new Amount(money(form.amount(), "requestedAmount"), currency);
	}

	/** Positive, at most two decimals and 14 digits before them (NUMERIC(16,2)). */
	private static BigDecimal money(BigDecimal amount, String code) {
		if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
				|| amount.precision() - amount.scale() > 14) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, code);
		}
		return amount.setScale(2);
	}

	private static String currency(String code) {
		String upper = code.strip().toUpperCase(Locale.ROOT);
		try {
			return Currency.getInstance(upper).getCurrencyCode();
		}
		catch (IllegalArgumentException ex) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "currency", code.strip());
		}
	}

	private static String text(String text, int max, String code) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, code, max);
		}
		return stripped;
	}

}
