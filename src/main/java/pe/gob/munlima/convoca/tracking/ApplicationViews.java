package pe.gob.munlima.convoca.tracking;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import pe.gob.munlima.convoca.match.Matches;
import pe.gob.munlima.convoca.tracking.ApplicationStore.ApplicationRow;
import pe.gob.munlima.convoca.tracking.ApplicationStore.StageChangeRow;
import pe.gob.munlima.convoca.tracking.ApplicationView.AwardView;
import pe.gob.munlima.convoca.tracking.ApplicationView.CallRef;
import pe.gob.munlima.convoca.tracking.ApplicationView.HistoryEntry;
import pe.gob.munlima.convoca.tracking.ApplicationView.Option;
import pe.gob.munlima.convoca.tracking.ApplicationView.ProjectRef;
import pe.gob.munlima.convoca.tracking.ApplicationView.TaskView;

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

}
