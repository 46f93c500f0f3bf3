package pe.gob.munlima.convoca.tracking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.tracking.ApplicationStore.ApplicationRow;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application tracking as other modules read it: the alerts' weekly digest (overdue
 * tasks) and deadline reminders (applications in "postulando" with their call's
 * deadline), and reports (every application with its stage history and award). Changes
 * are announced by {@link ApplicationStageChanged}.
 */
@Service
@Transactional(readOnly = true)
public class Applications {

	private final ApplicationStore store;

	private final TaskStore tasks;

	private final TaskTexts texts;

	private final Calls calls;

	private final Projects projects;

	private final Checklist checklist;

	Applications(ApplicationStore store, TaskStore tasks, TaskTexts texts, Calls calls, Projects projects,
			Checklist checklist) {
		this.store = store;
		this.tasks = tasks;
		this.texts = texts;
		this.calls = calls;
		this.projects = projects;
		this.checklist = checklist;
	}

	/** The stage of the match's application; "identificada" until someone moves it. */
	public Stage stageOf(long matchId) {
		return this.store.find(matchId).map(ApplicationRow::stage).orElse(Stage.IDENTIFIED);
	}

	/**
	 * Tracked applications, oldest first.
	 * @param stage only those in this stage; every stage when null
	 * @param gerencia only those of this gerencia's projects (its code); all when null
	 */
	public List<ApplicationSummary> list(Stage stage, String gerencia) {
		List<ApplicationRow> rows = stage == null ? this.store.all() : this.store.inStage(stage);
		Map<Long, int[]> counts = this.tasks.counts(this.checklist.today());
		Lookup lookup = new Lookup(rows.stream().map(ApplicationRow::callId).toList());
		List<ApplicationSummary> summaries = new ArrayList<>();
		for (ApplicationRow row : rows) {
			CallView call = lookup.call(row.callId());
			ProjectProfile project = lookup.project(row.projectId());
			if (gerencia != null && !gerencia.equalsIgnoreCase(project.gerencia().code())) {
				continue;
			}
			int[] count = counts.getOrDefault(row.id(), new int[2]);
			summaries.add(new ApplicationSummary(row.matchId(), row.stage(), row.stageSince(), call.id(), call.title(),
					call.funder(), call.deadline(), project.id(), project.code(), project.title(),
					project.gerencia().code(), count[0], count[1]));
		}
		return summaries;
	}

	/**
	 * The applications in {@code stage}, with their call's deadline: for reminders, the
	 * ones in {@link Stage#APPLYING}.
	 */
	public List<ApplicationSummary> inStage(Stage stage) {
		return list(stage, null);
	}

	/**
	 * Checklist tasks not done whose internal due date is before today (in Lima), of
	 * applications still under way (not awarded, not awarded or discarded), the most
	 * overdue first; task texts in {@code locale}.
	 */
	public List<OverdueTask> overdueTasks(Locale locale) {
		LocalDate today = this.checklist.today();
		List<TaskStore.Overdue> overdue = this.tasks.overdue(today);
		Map<Long, ApplicationRow> byId = new HashMap<>();
		this.store.all().forEach(row -> byId.put(row.id(), row));
		Lookup lookup = new Lookup(overdue.stream().map(o -> byId.get(o.task().applicationId()).callId()).toList());
		List<OverdueTask> found = new ArrayList<>();
		for (TaskStore.Overdue item : overdue) {
			ApplicationRow application = byId.get(item.task().applicationId());
			CallView call = lookup.call(application.callId());
			ProjectProfile project = lookup.project(application.projectId());
			found.add(new OverdueTask(item.task().id(), item.matchId(), item.stage(),
					this.texts.text(item.task(), locale).task(), item.task().owner(), item.task().dueOn(),
					ChronoUnit.DAYS.between(item.task().dueOn(), today), call.id(), call.title(), call.deadline(),
					project.id(), project.title(), project.gerencia().code()));
		}
		return found;
	}

	/** Every tracked application with its stage history, request and award. */
	public List<ApplicationRecord> records() {
		Map<Long, List<ApplicationRecord.Entered>> histories = this.store.allHistories();
		Map<Long, Award> awards = this.store.allAwards();
		return this.store.all()
			.stream()
			.map(row -> new ApplicationRecord(row.matchId(), row.callId(), row.projectId(), row.stage(),
					histories.getOrDefault(row.id(), List.of()), row.requested(), awards.get(row.id())))
			.toList();
	}

	/** Calls read in one query, projects once each. */
	private final class Lookup {

		private final Map<Long, CallView> calls;

		private final Map<Long, ProjectProfile> projects = new HashMap<>();

		Lookup(List<Long> callIds) {
			this.calls = Applications.this.calls.findAll(callIds);
		}

		CallView call(long id) {
			return this.calls.get(id);
		}

		ProjectProfile project(long id) {
			return this.projects.computeIfAbsent(id, key -> Applications.this.projects.find(key).orElseThrow());
		}

	}

}
