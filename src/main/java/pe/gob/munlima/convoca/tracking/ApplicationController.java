package pe.gob.munlima.convoca.tracking;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import pe.gob.munlima.convoca.tracking.ApplicationViews.ApplicationView;
import pe.gob.munlima.convoca.tracking.ApplicationViews.ApplicationView.Option;
import pe.gob.munlima.convoca.tracking.TaskForms.NewTask;
import pe.gob.munlima.convoca.tracking.TaskForms.TaskChange;
import pe.gob.munlima.convoca.tracking.TransitionForms.AwardForm;
import pe.gob.munlima.convoca.tracking.TransitionForms.Transition;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pipeline as an API: applications by stage and gerencia, one application (stage,
 * history, checklist, award), moves, the award, and checklist tasks. Any user reads;
 * changes need a user who acts for the project's gerencia. An application is addressed by
 * its match's id (the {@code matchId} of {@code /api/projects/{id}/matches}).
 */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

	private final Applications applications;

	private final ApplicationViews views;

	private final Pipeline pipeline;

	private final Checklist checklist;

	ApplicationController(Applications applications, ApplicationViews views, Pipeline pipeline, Checklist checklist) {
		this.applications = applications;
		this.views = views;
		this.pipeline = pipeline;
		this.checklist = checklist;
	}

	@GetMapping
	List<SummaryView> list(@RequestParam(required = false) String stage,
			@RequestParam(required = false) String gerencia, Locale locale) {
		Stage wanted = stage == null || stage.isBlank() ? null : parse(stage);
		return this.applications.list(wanted, gerencia == null || gerencia.isBlank() ? null : gerencia.strip())
			.stream()
			.map(summary -> new SummaryView(summary, this.views.stageLabel(summary.stage(), locale)))
			.toList();
	}

	/** The stages, the moves the table allows, and the lists kept as data. */
	@GetMapping("/pipeline")
	PipelineView pipeline(Locale locale) {
		List<StageView> stages = Arrays.stream(Stage.values())
			.map(stage -> new StageView(stage, stage.alias(), this.views.stageLabel(stage, locale), stage.isFinal(),
					Transitions.from(stage)))
			.toList();
		return new PipelineView(stages, this.views.discardReasons(locale), this.views.documentTypes(locale));
	}

	/**
	 * Open checklist tasks past their internal due date (what the weekly digest lists).
	 */
	@GetMapping("/tasks/overdue")
	List<OverdueTask> overdue(Locale locale) {
		return this.applications.overdueTasks(locale);
	}

	@GetMapping("/{matchId}")
	ApplicationView application(@PathVariable long matchId, Locale locale) {
		return this.views.view(matchId, locale);
	}

	@PostMapping("/{matchId}/transitions")
	ApplicationView move(@PathVariable long matchId, @Valid @RequestBody Transition transition, Locale locale) {
		this.pipeline.move(matchId, transition);
		return this.views.view(matchId, locale);
	}

	/**
	 * Completes or corrects the award of an awarded application; earlier records stay.
	 */
	@PutMapping("/{matchId}/award")
	ApplicationView award(@PathVariable long matchId, @Valid @RequestBody AwardForm award, Locale locale) {
		this.pipeline.recordAward(matchId, award);
		return this.views.view(matchId, locale);
	}

	@PostMapping("/{matchId}/tasks")
	ResponseEntity<ApplicationView> addTask(@PathVariable long matchId, @Valid @RequestBody NewTask task,
			Locale locale) {
		long id = this.checklist.add(matchId, task);
		return ResponseEntity.created(URI.create("/api/applications/" + matchId + "/tasks/" + id))
			.body(this.views.view(matchId, locale));
	}

	/** Changes the fields given: title, owner, dueOn, done (true checks it off). */
	@PatchMapping("/{matchId}/tasks/{taskId}")
	ApplicationView changeTask(@PathVariable long matchId, @PathVariable long taskId,
			@Valid @RequestBody TaskChange change, Locale locale) {
		this.checklist.change(matchId, taskId, change);
		return this.views.view(matchId, locale);
	}

	/** Takes a task off the checklist; it stays in the database with who removed it. */
	@DeleteMapping("/{matchId}/tasks/{taskId}")
	ApplicationView removeTask(@PathVariable long matchId, @PathVariable long taskId, Locale locale) {
		this.checklist.remove(matchId, taskId);
		return this.views.view(matchId, locale);
	}

	private static Stage parse(String stage) {
		return Stage.parse(stage)
			.orElseThrow(() -> new TrackingRefusedException(HttpStatus.BAD_REQUEST, "unknownStage", stage,
					TrackingLabels.stages(Arrays.asList(Stage.values()))));
	}

	/** An application in a list, with its stage's label. */
	record SummaryView(long matchId, Stage stage, String stageLabel, java.time.Instant stageSince, long callId,
			String callTitle, String funder, java.time.Instant deadline, long projectId, String projectCode,
			String projectTitle, String gerencia, int openTasks, int overdueTasks) {

		SummaryView(ApplicationSummary s, String stageLabel) {
			this(s.matchId(), s.stage(), stageLabel, s.stageSince(), s.callId(), s.callTitle(), s.funder(),
					s.deadline(), s.projectId(), s.projectCode(), s.projectTitle(), s.gerencia(), s.openTasks(),
					s.overdueTasks());
		}

	}

	/**
	 * @param alias the office's word for the stage, accepted wherever a stage is
	 * @param next the stages it may move to
	 */
	record StageView(Stage code, String alias, String label, boolean isFinal, List<Stage> next) {
	}

	record PipelineView(List<StageView> stages, List<Option> discardReasons, List<Option> documentTypes) {
	}

}
