package pe.gob.munlima.convoca.call;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pe.gob.munlima.convoca.requirement.RequirementFacts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The office's corrections of what Convoca read in a call. A correction is stored beside
 * the call and laid over its sources on every merge ({@link CallMerge}), so re-crawls,
 * re-imports, restarts, index rebuilds and rule activations all keep it; it is part of
 * the call's history (author, time, note), and the call is published as changed, so every
 * verdict of the call is judged again once the correction commits and the usual change
 * notices follow.
 * <p>
 * When a source later says something else of a corrected fact, the correction stays
 * applied and the difference waits as a conflict: the office {@link #keep keeps} its
 * value or {@link #withdraw takes the source's}.
 */
@Service
public class Corrections {

	static final int MAX_EVIDENCE = 4000;

	static final int MAX_NOTE = 2000;

	private final CallRepository calls;

	private final Calls views;

	private final CallCorrections corrections;

	private final CallMerge merge;

	private final CallVersions versions;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Corrections(CallRepository calls, Calls views, CallCorrections corrections, CallMerge merge, CallVersions versions,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.calls = calls;
		this.views = views;
		this.corrections = corrections;
		this.merge = merge;
		this.versions = versions;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** The names a correction may have: every requirement, the currency, the deadline. */
	public static List<String> correctable() {
		return CorrectionOverlay.correctable();
	}

	/**
	 * The kind of value a fact takes: a requirement's, or DATE for the deadline.
	 * @throws CorrectionRejectedException for a name that cannot be corrected
	 */
	public static Kind kind(String fact) {
		if (CorrectionOverlay.DEADLINE.equals(fact)) {
			return Kind.DATE;
		}
		if (!correctable().contains(fact)) {
			throw new CorrectionRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "unknownFact", fact,
					String.join(", ", correctable()));
		}
		return Kind.valueOf(RequirementFacts.kind(fact).name());
	}

	/**
	 * A value typed in a form, as the fact takes it: codes separated by commas, an amount
	 * written the Peruvian way or not ("50 000", "50.000,50", "50000.5"), sí or no, a
	 * day. Blank: the call does not require the fact.
	 * @throws CorrectionRejectedException when the text is not a value of that kind
	 */
	public static Object parse(String fact, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		return switch (kind(fact)) {
			case LIST -> java.util.Arrays.stream(value.split("[,;\\s]+")).filter(code -> !code.isBlank()).toList();
			case NUMBER -> number(fact, value);
			case BOOLEAN -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
				case "true", "sí", "si", "yes" -> Boolean.TRUE;
				case "false", "no" -> Boolean.FALSE;
				default ->
					throw new CorrectionRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "badValue", fact, value);
			};
			case TEXT, DATE -> value;
		};
	}

	private static java.math.BigDecimal number(String fact, String text) {
		String digits = text.replaceAll("[\\s_']", "");
		if (digits.contains(",") && digits.contains(".")) {
			// The separator written last is the decimal one: 50.000,50 or 50,000.50.
			boolean commaDecimal = digits.lastIndexOf(',') > digits.lastIndexOf('.');
			digits = commaDecimal ? digits.replace(".", "").replace(',', '.') : digits.replace(",", "");
		}
		else if (digits.matches("\\d{1,3}(\\.\\d{3})+")) {
			digits = digits.replace(".", "");
		}
		else {
			digits = digits.replace(',', '.');
		}
		try {
			return new java.math.BigDecimal(digits);
		}
		catch (NumberFormatException ex) {
			throw new CorrectionRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "badValue", fact, text);
		}
	}

	/** The kinds of values a correction takes. */
	public enum Kind {

		LIST, NUMBER, BOOLEAN, TEXT, DATE

	}

	/**
	 * Corrects (or confirms) facts of a call at once; each fact's earlier correction
	 * gives way. Returns once the call's verdicts were judged again.
	 * @param facts by name, the value as JSON holds it; a null value says the call does
	 * not require the fact
	 * @param evidence the sentence or document the correction relies on
	 * @param note why, in the office's words
	 * @return what changed in the call (empty when the office confirmed what was read)
	 * @throws CorrectionRejectedException for an unknown call, fact or a wrong value
	 */
	public List<FieldChange> correct(long callId, Map<String, Object> facts, String evidence, String note,
			String author, Correction.Origin origin) {
		check(facts, evidence, note);
		return this.transactions.execute(status -> {
			Call stored = lock(callId);
			CallView before = this.views.view(stored);
			NormalisedCall sources = this.merge.fromSources(callId);
			Instant now = this.clock.instant();
			for (Map.Entry<String, Object> fact : facts.entrySet()) {
				this.corrections.supersede(callId, fact.getKey(), author, now);
				this.corrections.insert(callId, fact.getKey(), fact.getValue(), blankToNull(evidence),
						blankToNull(note), author, origin, now, CorrectionOverlay.valueOf(sources, fact.getKey()),
						CorrectionOverlay.evidenceOf(sources, fact.getKey()));
			}
			return remerged(stored, sources, before, author, note, now);
		});
	}

	/**
	 * The office keeps its value against what the source says now: the conflict is
	 * settled, and a later change of the source raises a new one.
	 */
	public void keep(long callId, long correctionId, String author) {
		this.transactions.executeWithoutResult(status -> {
			Correction correction = conflicted(callId, correctionId);
			this.corrections.rebase(correctionId, correction.conflictValue(), correction.conflictEvidence());
			this.versions.record(callId, List.of(), null, null, this.clock.instant(), author,
					correction.fact() + ": " + String.valueOf(correction.value()));
		});
	}

	/**
	 * The office withdraws its correction: the call takes what its sources say again, and
	 * its verdicts are judged again.
	 */
	public List<FieldChange> withdraw(long callId, long correctionId, String author) {
		return this.transactions.execute(status -> {
			Correction correction = this.corrections.find(correctionId)
				.filter(c -> c.callId() == callId && c.state() == Correction.State.ACTIVE)
				.orElseThrow(() -> new CorrectionRejectedException(HttpStatus.NOT_FOUND, "notFound", correctionId));
			Call stored = lock(callId);
			CallView before = this.views.view(stored);
			Instant now = this.clock.instant();
			this.corrections.withdraw(correction.id(), author, now);
			return remerged(stored, this.merge.fromSources(callId), before, author, correction.fact(), now);
		});
	}

	/** Every correction of a call, the newest first. */
	public List<Correction> of(long callId) {
		return this.corrections.ofCall(callId);
	}

	/** The corrections whose sources now say something else, oldest first. */
	public List<Correction> conflicts() {
		return this.corrections.conflicts();
	}

	/** Every correction ever made, oldest first. */
	public List<Correction> all() {
		return this.corrections.all();
	}

	private List<FieldChange> remerged(Call stored, NormalisedCall sources, CallView before, String author, String note,
			Instant now) {
		CallClosed.Reason closed = this.merge.remerge(stored, sources, now);
		List<FieldChange> changes = CallDiff.between(before, this.views.view(stored));
		this.versions.record(stored.getId(), changes, null, null, now, author, blankToNull(note));
		// Published even when no value moved: a confirmed fact changes the reasons
		// ("confirmado por la Subgerencia") and may end a self-check's doubt.
		this.events.publishEvent(new CallStored(stored.getId(), CallStored.Change.UPDATED, changes, now));
		if (closed != null) {
			this.events.publishEvent(new CallClosed(stored.getId(), closed, now, before.status()));
		}
		return changes;
	}

	private Call lock(long callId) {
		return this.calls.lockById(callId)
			.orElseThrow(() -> new CorrectionRejectedException(HttpStatus.NOT_FOUND, "callNotFound", callId));
	}

	private Correction conflicted(long callId, long correctionId) {
		Correction correction = this.corrections.find(correctionId)
			.filter(c -> c.callId() == callId && c.state() == Correction.State.ACTIVE)
			.orElseThrow(() -> new CorrectionRejectedException(HttpStatus.NOT_FOUND, "notFound", correctionId));
		if (!correction.inConflict()) {
			throw new CorrectionRejectedException(HttpStatus.CONFLICT, "noConflict", correctionId);
		}
		return correction;
	}

	private static void check(Map<String, Object> facts, String evidence, String note) {
		if (facts == null || facts.isEmpty()) {
			throw new CorrectionRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "noFact");
		}
		Map<String, Object> checked = new LinkedHashMap<>(facts);
		for (Map.Entry<String, Object> fact : checked.entrySet()) {
			if (!correctable().contains(fact.getKey())) {
				throw new CorrectionRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "unknownFact", fact.getKey(),
						String.join(", ", correctable()));
			}
			try {
				CorrectionOverlay.check(fact.getKey(), fact.getValue());
			}
			catch (IllegalArgumentException ex) {
				throw new CorrectionRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "badValue", fact.getKey(),
						String.valueOf(fact.getValue()));
			}
		}
		if (evidence != null && evidence.length() > MAX_EVIDENCE || note != null && note.length() > MAX_NOTE) {
			throw new CorrectionRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "tooLong", MAX_EVIDENCE, MAX_NOTE);
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
