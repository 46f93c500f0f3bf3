package pe.gob.munlima.convoca.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One application as the API and its page show it: stage, history, checklist and award,
 * with labels in the reader's language.
 *
 * @param tracked false while nobody has moved the match: it is then "identificada" with
 * only the finding in its history
 * @param verdict the match's current verdict (ELIGIBLE, NEEDS_REVIEW, NOT_ELIGIBLE)
 * @param transitions the stages it may move to now
 * @param requested what was asked of the funder, once submitted
 * @param mayChange whether the current user may move it and edit its checklist
 */
record ApplicationView(long matchId, boolean tracked, Stage stage, String stageLabel, Instant stageSince, CallRef call,
		ProjectRef project, String verdict, String verdictLabel, List<Option> transitions, List<HistoryEntry> history,
		List<TaskView> checklist, AwardView award, Amount requested, boolean mayChange) {

	record CallRef(long id, String title, String funder, Instant deadline, String sourceUrl) {
	}

	record ProjectRef(long id, String code, String title, String gerencia, String gerenciaName,
			BigDecimal requestedAmount, String currency) {
	}

	/** A code and its label: a stage, a discard reason, a document type. */
	record Option(String code, String label) {
	}

	/**
	 * @param from null for the first entry, when Convoca found the match
	 * @param reason the discard reason's code; null unless discarded
	 */
	record HistoryEntry(Stage from, String fromLabel, Stage to, String toLabel, String reason, String reasonLabel,
			String note, String by, Instant at) {
	}

	/**
	 * @param origin FINDING (derived from a reason of the match) or USER
	 * @param why the finding a derived task answers
	 */
	record TaskView(long id, String origin, String ruleId, String task, String why, String owner, LocalDate dueOn,
			boolean overdue, boolean done, String doneBy, Instant doneAt, String createdBy, Instant createdAt) {
	}

	record AwardView(BigDecimal amount, String currency, LocalDate awardedOn, String documentType,
			String documentTypeLabel, String documentReference, String recordedBy, Instant recordedAt) {
	}

}
