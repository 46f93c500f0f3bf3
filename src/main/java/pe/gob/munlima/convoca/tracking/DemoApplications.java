package pe.gob.munlima.convoca.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.match.Matches;
import pe.gob.munlima.convoca.match.StoredMatch;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.tracking.TaskForms.TaskChange;
import pe.gob.munlima.convoca.tracking.TransitionForms.AmountForm;
import pe.gob.munlima.convoca.tracking.TransitionForms.AwardForm;
import pe.gob.munlima.convoca.tracking.TransitionForms.Transition;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a few demo matches through the pipeline (classpath
 * {@code demo/applications.yaml}) with demo data on, after the demo portfolio and feed
 * were loaded and matched, through the same pipeline the API uses. Idempotent: a match
 * that has an application already is left as it is.
 */
@Component
@Order(30)
@Profile("!prod")
@ConditionalOnBooleanProperty("convoca.demo.enabled")
class DemoApplications implements ApplicationRunner {

	/** The demo user who acts (README). */
	static final String ACTOR = "subgerencia";

	private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);

	private final Projects projects;

	private final Matches matches;

	private final Calls calls;

	private final Subjects subjects;

	private final Pipeline pipeline;

	private final Checklist checklist;

	private final ApplicationStore store;

	private final TaskStore tasks;

	private final TransactionTemplate transactions;

	DemoApplications(Projects projects, Matches matches, Calls calls, Subjects subjects, Pipeline pipeline,
			Checklist checklist, ApplicationStore store, TaskStore tasks, TransactionTemplate transactions) {
		this.projects = projects;
		this.matches = matches;
		this.calls = calls;
		this.subjects = subjects;
		this.pipeline = pipeline;
		this.checklist = checklist;
		this.store = store;
		this.tasks = tasks;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		int loaded = 0;
		for (DemoApplication demo : read().applications()) {
			Optional<StoredMatch> match = match(demo);
			if (match.isEmpty()) {
				log.warn("Demo application skipped: no match of project {} with a call titled '{}...'", demo.project(),
						demo.call());
				continue;
			}
			if (this.store.find(match.get().id()).isPresent()) {
				continue;
			}
			try {
				this.transactions.executeWithoutResult(status -> load(demo, match.get()));
				loaded++;
			}
			catch (TrackingRefusedException ex) {
				// The demo portfolio or rules were edited so a move no longer applies.
				log.warn("Demo application of {} skipped: {}", demo.project(), ex.getDetailMessageCode());
			}
		}
		log.info("Demo applications: {} new", loaded);
	}

	private void load(DemoApplication demo, StoredMatch match) {
		Subject subject = this.subjects.find(match.id());
		for (Move move : demo.moves()) {
			Stage reached = this.pipeline.move(subject, move.transition(this.checklist.today()), ACTOR);
			if (reached == Stage.APPLYING) {
				// Work done while preparing it, before it moves on.
				long applicationId = this.store.find(match.id()).orElseThrow().id();
				this.tasks.of(applicationId)
					.stream()
					.limit(demo.tasksDone())
					.forEach(task -> this.checklist.change(subject, task.id(), new TaskChange(null, null, null, true),
							ACTOR));
			}
		}
	}

	private Optional<StoredMatch> match(DemoApplication demo) {
		Optional<ProjectProfile> project = this.projects.active()
			.stream()
			.filter(p -> p.code().equals(demo.project()))
			.findFirst();
		return project.flatMap(p -> this.matches.ofProject(p.id())
			.stream()
			.filter(m -> this.calls.find(m.callId()).map(c -> c.title().startsWith(demo.call())).orElse(false))
			.findFirst());
	}

	private DemoFile read() throws IOException {
		YAMLMapper mapper = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = new ClassPathResource("demo/applications.yaml").getInputStream()) {
			return mapper.readValue(in, DemoFile.class);
		}
	}

	record DemoFile(List<DemoApplication> applications) {
	}

	/**
	 * @param call the start of the call's title
	 * @param tasksDone how many of its checklist tasks to check off while it is
	 * "postulando"
	 */
	record DemoApplication(String project, String call, List<Move> moves, Integer tasksDone) {

		DemoApplication {
			tasksDone = tasksDone == null ? 0 : tasksDone;
		}

	}

	record Move(String to, String reason, String note, DemoAward award, AmountForm requested) {

		Transition transition(java.time.LocalDate today) {
			return new Transition(this.to, this.reason, this.note, this.award == null ? null : this.award.on(today),
					this.requested);
		}

	}

	record DemoAward(BigDecimal amount, String currency, String documentType, String documentReference) {

		AwardForm on(java.time.LocalDate day) {
			return new AwardForm(this.amount, this.currency, day, this.documentType, this.documentReference);
		}

	}

}
