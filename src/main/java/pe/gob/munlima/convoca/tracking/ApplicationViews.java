package pe.gob.munlima.convoca.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import pe.gob.munlima.convoca.match.Matches;
import pe.gob.munlima.convoca.money.Amount;
import pe.gob.munlima.convoca.tracking.ApplicationStore.ApplicationRow;
import pe.gob.munlima.convoca.tracking.ApplicationStore.StageChangeRow;
import pe.gob.munlima.convoca.tracking.ApplicationViews.ApplicationView.AwardView;
import pe.gob.munlima.convoca.tracking.ApplicationViews.ApplicationView.CallRef;
import pe.gob.munlima.convoca.tracking.ApplicationViews.ApplicationView.HistoryEntry;
import pe.gob.munlima.convoca.tracking.ApplicationViews.ApplicationView.Option;
import pe.gob.munlima.convoca.tracking.ApplicationViews.ApplicationView.ProjectRef;
import pe.gob.munlima.convoca.tracking.ApplicationViews.ApplicationView.TaskView;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the {@link ApplicationView} of a match, for the API and the page alike. */
@Component
@Transactional(readOnly = true)
class ApplicationViews {

	private final Subjects subjects;

	private final ApplicationStore store;

	private final TaskStore tasks;

	private final TaskTexts texts;

	private final Matches matches;

	private final Checklist checklist;

	private final TrackingProperties properties;

	private final MessageSource messages;

	ApplicationViews(Subjects subjects, ApplicationStore store, TaskStore tasks, TaskTexts texts, Matches matches,
			Checklist checklist, TrackingProperties properties, MessageSource messages) {
		this.subjects = subjects;
		this.store = store;
		this.tasks = tasks;
		this.texts = texts;
		this.matches = matches;
		this.checklist = checklist;
		this.properties = properties;
		this.messages = messages;
	}

	ApplicationView view(long matchId, Locale locale) {
		Subject subject = this.subjects.find(matchId);
		Optional<ApplicationRow> application = this.store.find(matchId);
		Stage stage = application.map(ApplicationRow::stage).orElse(Stage.IDENTIFIED);
		List<HistoryEntry> history = application
			.map(row -> this.store.history(row.id()).stream().map(change -> entry(change, locale)).toList())
			// Nobody has moved it yet: its history is the finding.
			.orElseGet(() -> List.of(entry(new StageChangeRow(null, Stage.IDENTIFIED, null, null,
					ApplicationStore.SYSTEM, subject.match().firstSeenAt()), locale)));
		LocalDate today = this.checklist.today();
		List<TaskView> checklist = application
			.map(row -> this.tasks.of(row.id())
				.stream()
				.map(task -> task(task, !stage.isFinal() && task.overdue(today), locale))
				.toList())
			.orElse(List.of());
		AwardView award = application.flatMap(row -> this.store.award(row.id()))
			.map(found -> new AwardView(found.amount(), found.currency(), found.awardedOn(), found.documentType(),
					found.documentType() == null ? null
							: label(TrackingLabels.documentType(found.documentType()), locale),
					found.documentReference(), found.recordedBy(), found.recordedAt()))
			.orElse(null);
		var call = subject.call();
		var project = subject.project();
		return new ApplicationView(matchId, application.isPresent(), stage, label(TrackingLabels.stage(stage), locale),
				application.map(ApplicationRow::stageSince).orElse(subject.match().firstSeenAt()),
				new CallRef(call.id(), call.title(), call.funder(), call.deadline(), call.sourceUrl()),
				new ProjectRef(project.id(), project.code(), project.title(), project.gerencia().code(),
						project.gerencia().name(), project.requestedAmount(), project.currency()),
				subject.match().verdict().name(), this.matches.verdictLabel(subject.match().verdict(), locale),
				Transitions.from(stage).stream().map(to -> stageOption(to, locale)).toList(), history, checklist, award,
				application.map(ApplicationRow::requested).orElse(null), this.subjects.mayChange(subject));
	}

	List<Option> stages(Locale locale) {
		return List.of(Stage.values()).stream().map(stage -> stageOption(stage, locale)).toList();
	}

	List<Option> discardReasons(Locale locale) {
		return this.properties.discardReasonCodes()
			.stream()
			.map(code -> new Option(code, label(TrackingLabels.discardReason(code), locale)))
			.toList();
	}

	List<Option> documentTypes(Locale locale) {
		return this.properties.documentTypes()
			.stream()
			.map(code -> new Option(code, label(TrackingLabels.documentType(code), locale)))
			.toList();
	}

	String stageLabel(Stage stage, Locale locale) {
		return label(TrackingLabels.stage(stage), locale);
	}

	private Option stageOption(Stage stage, Locale locale) {
		return new Option(stage.name(), stageLabel(stage, locale));
	}

	private HistoryEntry entry(StageChangeRow change, Locale locale) {
		return new HistoryEntry(change.from(), change.from() == null ? null : stageLabel(change.from(), locale),
				change.to(), stageLabel(change.to(), locale), change.discardReason(),
				change.discardReason() == null ? null
						: label(TrackingLabels.discardReason(change.discardReason()), locale),
				change.note(), change.actor(), change.at());
	}

	private TaskView task(TaskStore.TaskRow task, boolean overdue, Locale locale) {
		TaskTexts.Text text = this.texts.text(task, locale);
		return new TaskView(task.id(), task.finding() == null ? "USER" : "FINDING", task.ruleId(), text.task(),
				text.why(), task.owner(), task.dueOn(), overdue, task.done(), task.doneBy(), task.doneAt(),
				task.createdBy(), task.createdAt());
	}

	private String label(MessageSourceResolvable resolvable, Locale locale) {
		return this.messages.getMessage(resolvable, locale);
	}

	/**
	 * One application as the API and its page show it: stage, history, checklist and
	 * award, with labels in the reader's language. Public so templates can read it.
	 *
	 * @param tracked false while nobody has moved the match: it is then "identificada"
	 * with only the finding in its history
	 * @param verdict the match's current verdict (ELIGIBLE, NEEDS_REVIEW, NOT_ELIGIBLE)
	 * @param transitions the stages it may move to now
	 * @param requested what was asked of the funder, once submitted
	 * @param mayChange whether the current user may move it and edit its checklist
	 */
	public record ApplicationView(long matchId, boolean tracked, Stage stage, String stageLabel, Instant stageSince,
			CallRef call, ProjectRef project, String verdict, String verdictLabel, List<Option> transitions,
			List<HistoryEntry> history, List<TaskView> checklist, AwardView award, Amount requested,
			boolean mayChange) {

		public record CallRef(long id, String title, String funder, Instant deadline, String sourceUrl) {
		}

		public record ProjectRef(long id, String code, String title, String gerencia, String gerenciaName,
				BigDecimal requestedAmount, String currency) {
		}

		/** A code and its label: a stage, a discard reason, a document type. */
		public record Option(String code, String label) {
		}

		/**
		 * @param from null for the first entry, when Convoca found the match
		 * @param reason the discard reason's code; null unless discarded
		 */
		public record HistoryEntry(Stage from, String fromLabel, Stage to, String toLabel, String reason,
				String reasonLabel, String note, String by, Instant at) {
		}

		/**
		 * @param origin FINDING (derived from a reason of the match) or USER
		 * @param why the finding a derived task answers
		 */
		public record TaskView(long id, String origin, String ruleId, String task, String why, String owner,
				LocalDate dueOn, boolean overdue, boolean done, String doneBy, Instant doneAt, String createdBy,
				Instant createdAt) {
		}

		public record AwardView(BigDecimal amount, String currency, LocalDate awardedOn, String documentType,
				String documentTypeLabel, String documentReference, String recordedBy, Instant recordedAt) {
		}

	}

}
