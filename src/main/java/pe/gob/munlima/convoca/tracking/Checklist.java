package pe.gob.munlima.convoca.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Severity;
import pe.gob.munlima.convoca.security.UserDirectory;
import pe.gob.munlima.convoca.security.UserProfile;
import pe.gob.munlima.convoca.tracking.ApplicationStore.ApplicationRow;
import pe.gob.munlima.convoca.tracking.TaskForms.NewTask;
import pe.gob.munlima.convoca.tracking.TaskForms.TaskChange;
import pe.gob.munlima.convoca.tracking.TaskStore.TaskRow;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist of an application. When it enters "postulando", every finding that asks
 * for work becomes a task — each NEEDS_REVIEW reason and each NOT_ELIGIBLE reason that
 * has a fix ("Registrarse en el Portal de Financiamiento de la UE (PIC)...") — owned by
 * the gerencia's project owner and due {@code taskLeadDays} before the call's deadline.
 * Users add their own tasks, reassign them, move due dates and check them off; every
 * change is logged with who and when.
 */
@Service
@Transactional
class Checklist {

	static final ZoneId LIMA = ZoneId.of("America/Lima");

	static final int TITLE_MAX = 500;

	private final Subjects subjects;

	private final ApplicationStore applications;

	private final TaskStore tasks;

	private final UserDirectory users;

	private final TrackingProperties properties;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	Checklist(Subjects subjects, ApplicationStore applications, TaskStore tasks, UserDirectory users,
			TrackingProperties properties, Clock clock) {
		this.subjects = subjects;
		this.applications = applications;
		this.tasks = tasks;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	/** The findings that ask for work, in the order the rules ranked them. */
	static List<Reason> actionable(List<Reason> reasons) {
		List<Reason> actionable = new ArrayList<>();
		for (Reason reason : reasons) {
			if (reason.severity() == Severity.NEEDS_REVIEW
					|| (reason.severity() == Severity.NOT_ELIGIBLE && reason.fixKey() != null)) {
				actionable.add(reason);
			}
		}
		return actionable;
	}

	/**
	 * Adds a task for every actionable finding of the match that has not given one yet
	 * (an application sent back to evaluation and prepared again keeps its tasks).
	 */
	void derive(Subject subject, ApplicationRow application, String actor, Instant now) {
		List<String> derived = this.tasks.derivedRuleIds(application.id());
		String owner = this.users.projectOwnersOf(subject.gerencia())
			.stream()
			.map(UserProfile::username)
			.findFirst()
			.orElse(actor);
		LocalDate due = defaultDue(subject, today());
		for (Reason reason : actionable(subject.match().reasons())) {
			if (!derived.contains(reason.ruleId())) {
				this.tasks.add(application.id(), reason.ruleId(), this.json.writeValueAsString(reason), null, owner,
						due, actor, now);
			}
		}
	}

	/**
	 * {@code taskLeadDays} before the call's deadline, but not in the past; none when the
	 * call states no deadline.
	 */
	LocalDate defaultDue(Subject subject, LocalDate today) {
		if (subject.call().deadline() == null) {
			return null;
		}
		LocalDate due = subject.call().deadline().atZone(LIMA).toLocalDate().minusDays(this.properties.taskLeadDays());
		return due.isBefore(today) ? today : due;
	}

	long add(long matchId, NewTask form) {
		Subject subject = this.subjects.forChange(matchId);
		String actor = this.subjects.actor();
		Instant now = this.clock.instant();
		ApplicationRow application = this.applications.lockOrCreate(subject.match(), now);
		open(application);
		String title = title(form.title());
		if (title == null) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "taskTitleRequired");
		}
		String owner = form.owner() == null || form.owner().isBlank() ? actor : owner(form.owner());
		return this.tasks.add(application.id(), null, null, title, owner, form.dueOn(), actor, now);
	}

	void change(long matchId, long taskId, TaskChange change) {
		change(this.subjects.forChange(matchId), taskId, change, this.subjects.actor());
	}

	/** Changes a task as {@code actor}, who was already checked. */
	void change(Subject subject, long taskId, TaskChange change, String actor) {
		Instant now = this.clock.instant();
		ApplicationRow application = this.applications.lockOrCreate(subject.match(), now);
		open(application);
		TaskRow task = task(application, taskId);
		String title = change.title() == null ? task.title() : title(change.title());
		if (change.title() != null && title == null) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "taskTitleRequired");
		}
		String owner = change.owner() == null ? task.owner() : owner(change.owner());
		LocalDate due = change.dueOn() == null ? task.dueOn() : change.dueOn();
		List<String> changed = new ArrayList<>();
		if (!Objects.equals(title, task.title())) {
			changed.add("title");
		}
		if (!Objects.equals(owner, task.owner())) {
			changed.add("owner: " + task.owner() + " -> " + owner);
		}
		if (!Objects.equals(due, task.dueOn())) {
			changed.add("dueOn: " + task.dueOn() + " -> " + due);
		}
		if (!changed.isEmpty()) {
			this.tasks.edit(taskId, title, owner, due, String.join("; ", changed), actor, now);
		}
		if (change.done() != null && change.done() != task.done()) {
			this.tasks.done(taskId, change.done(), actor, now);
		}
	}

	void remove(long matchId, long taskId) {
		Subject subject = this.subjects.forChange(matchId);
		Instant now = this.clock.instant();
		ApplicationRow application = this.applications.lockOrCreate(subject.match(), now);
		open(application);
		task(application, taskId);
		this.tasks.remove(taskId, this.subjects.actor(), now);
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(LIMA));
	}

	private TaskRow task(ApplicationRow application, long taskId) {
		return this.tasks.find(application.id(), taskId)
			.orElseThrow(
					() -> new TrackingRefusedException(HttpStatus.NOT_FOUND, "taskNotFound", String.valueOf(taskId)));
	}

	/** A final stage's checklist is history: it no longer changes. */
	private static void open(ApplicationRow application) {
		if (application.stage().isFinal()) {
			throw new TrackingRefusedException(HttpStatus.CONFLICT, "tasksClosed",
					TrackingLabels.stage(application.stage()));
		}
	}

	private static String title(String title) {
		if (title == null || title.isBlank()) {
			return null;
		}
		String stripped = title.strip();
		if (stripped.length() > TITLE_MAX) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "taskTitleTooLong", TITLE_MAX);
		}
		return stripped;
	}

	private String owner(String username) {
		return this.users.find(username.strip())
			.map(UserProfile::username)
			.orElseThrow(() -> new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "unknownOwner",
					username.strip()));
	}

}
