package pe.gob.munlima.convoca.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Answers ELIGIBLE, NEEDS_REVIEW or NOT_ELIGIBLE with reasons, using the active rule set.
 * The set is held in an {@link AtomicReference}: activation prepares a new set off to the
 * side (compiled and tested) and replaces it in one step, so an evaluation sees either
 * the old or the new set, never a mix, and a set that fails never replaces the working
 * one.
 * <p>
 * The rule set on disk is prepared at start-up on a thread of its own (compiling the DRL
 * and running the test cases takes seconds), so that it overlaps with the rest of the
 * application's start-up instead of adding to it. Until it is done the health component
 * {@code rules} is DOWN, and every method that answers with the active set waits for it:
 * a caller never sees "no rule set" only because start-up has not finished.
 */
@Service
public class Eligibility {

	private static final Logger log = LoggerFactory.getLogger(Eligibility.class);

	private static final String FIRED = "fired";

	static final ZoneId LIMA = ZoneId.of("America/Lima");

	private final AtomicReference<RuleSet> active = new AtomicReference<>();

	private final RuleCompiler compiler;

	private final RuleProperties properties;

	private final Clock clock;

	private volatile List<RuleError> lastErrors = List.of();

	/**
	 * The preparation of the set on disk at start-up; done once it is active or refused.
	 */
	private final CompletableFuture<Void> startup;

	Eligibility(RuleProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.compiler = new RuleCompiler(VerifiedRuleSets.in(properties.dir()));
		this.startup = new CompletableFuture<>();
		Thread thread = new Thread(this::prepareAtStartup, "rules-startup");
		thread.setDaemon(true);
		thread.start();
	}

	private void prepareAtStartup() {
		try {
			reload();
		}
		catch (RuleSetRejectedException ex) {
			// Start anyway: health stays DOWN and the API names the broken file and line.
			log.error("No rule set is active: {}", ex.getMessage());
		}
		catch (RuntimeException | LinkageError ex) {
			// Anything else (a broken installation): reported like a refused set, so that
			// health says why instead of the service hanging on a set that never comes.
			this.lastErrors = List.of(new RuleError(this.properties.dir().toString(), 0, ex.toString()));
			log.error("No rule set is active: preparing {} failed", this.properties.dir(), ex);
		}
		finally {
			this.startup.complete(null);
		}
	}

	/**
	 * Returns once the start-up preparation has ended, with the set active or refused.
	 */
	void awaitStartup() {
		this.startup.join();
	}

	/** Whether the start-up preparation has ended (health does not wait for it). */
	boolean started() {
		return this.startup.isDone();
	}

	/** Prepares the rule folder as it is on disk and, if it passes, makes it active. */
	public synchronized String reload() {
		return activate(prepare(RuleCompiler.readFolder(this.properties.dir())));
	}

	/** Compiles, checks and tests a set of files without activating it. */
	RuleSet prepare(java.util.Map<String, String> files) {
		try {
			return this.compiler.prepare(files, this.clock.instant());
		}
		catch (RuleSetRejectedException ex) {
			this.lastErrors = ex.errors();
			ex.errors().forEach(error -> log.error("Rule set refused: {}", error));
			throw ex;
		}
	}

	synchronized String activate(RuleSet set) {
		this.active.set(set);
		this.lastErrors = List.of();
		log.info("Rule set {} active ({} files)", set.version(), set.files().size());
		return set.version();
	}

	public Assessment evaluate(CallFacts call, ProjectFacts project, ApplicantFacts applicant) {
		return evaluate(call, project, applicant, context());
	}

	public Assessment evaluate(CallFacts call, ProjectFacts project, ApplicantFacts applicant,
			EvaluationContext context) {
		return evaluate(current(), call, project, applicant, context);
	}

	static Assessment evaluate(RuleSet rules, CallFacts call, ProjectFacts project, ApplicantFacts applicant,
			EvaluationContext context) {
		return evaluateAll(rules, call, List.of(project), applicant, context).get(0);
	}

	/**
	 * Judges one call against many projects in a single stateless session: the call-level
	 * rules run once and their reasons go to every project, the project-level rules write
	 * about each project by name, so the result equals evaluating each pair alone, at a
	 * fraction of the cost.
	 */
	static List<Assessment> evaluateAll(RuleSet rules, CallFacts call, List<ProjectFacts> projects,
			ApplicantFacts applicant, EvaluationContext context) {
		return evaluateAll(rules, call, projects, applicant, context, 0);
	}

	/**
	 * As
	 * {@link #evaluateAll(RuleSet, CallFacts, List, ApplicantFacts, EvaluationContext)},
	 * stopping after {@code fireLimit} firings (when above 0) with
	 * {@link FireLimitReached}: how the test cases of a candidate set run.
	 */
	static List<Assessment> evaluateAll(RuleSet rules, CallFacts call, List<ProjectFacts> projects,
			ApplicantFacts applicant, EvaluationContext context, int fireLimit) {
		if (projects.isEmpty()) {
			return List.of();
		}
		CallFindings aboutTheCall = new CallFindings();
		Findings findings = new Findings(projects.size());
		List<Object> facts = new ArrayList<>(5 + projects.size());
		facts.add(call);
		facts.add(applicant);
		facts.add(context);
		facts.add(aboutTheCall);
		facts.add(findings);
		List<Reasons> aboutEach = new ArrayList<>(projects.size());
		for (ProjectFacts project : projects) {
			aboutEach.add(findings.open(project));
			facts.add(project);
		}
		if (fireLimit > 0) {
			org.kie.api.runtime.ExecutionResults results = rules.sessions()
				.execute(org.kie.internal.command.CommandFactory
					.newBatchExecution(List.of(org.kie.internal.command.CommandFactory.newInsertElements(facts),
							new org.drools.commands.runtime.rule.FireAllRulesCommand(FIRED, fireLimit, null))));
			if (results.getValue(FIRED) instanceof Integer fired && fired >= fireLimit) {
				throw new FireLimitReached(fired);
			}
		}
		else {
			rules.sessions().execute(facts);
		}
		List<Reason> callReasons = aboutTheCall.reasons();
		List<Assessment> assessments = new ArrayList<>(projects.size());
		for (Reasons about : aboutEach) {
			assessments.add(Assessment.of(callReasons, about.reasons(), rules.version()));
		}
		return assessments;
	}

	/** The active rules, for callers that evaluate many pairs with one consistent set. */
	public Rules active() {
		return new Rules(current(), today());
	}

	/** Today in Lima, by the service's clock: the day rules judge on. */
	java.time.LocalDate today() {
		return LocalDate.now(this.clock.withZone(LIMA));
	}

	private RuleSet current() {
		awaitStartup();
		RuleSet rules = this.active.get();
		if (rules == null) {
			throw new IllegalStateException("No rule set is active: " + this.lastErrors);
		}
		return rules;
	}

	public EvaluationContext context() {
		awaitStartup();
		RuleSet rules = this.active.get();
		LocalDate today = today();
		int leadDays = rules == null ? 30 : rules.parameters().at(today).leadDays();
		return new EvaluationContext(today, leadDays);
	}

	/** The active set, once start-up has prepared one (waits for it). */
	public Optional<RuleSetStatus> status() {
		awaitStartup();
		return statusNow();
	}

	/** The active set as it is now, without waiting for start-up: for health. */
	Optional<RuleSetStatus> statusNow() {
		return Optional.ofNullable(this.active.get())
			.map(set -> new RuleSetStatus(set.version(), new Rules(set, today()).ruleFiles(), set.preparedAt(),
					this.lastErrors));
	}

	public List<RuleError> lastErrors() {
		awaitStartup();
		return this.lastErrors;
	}

	/** An evaluation fired more rules than its limit and was stopped there. */
	static final class FireLimitReached extends RuntimeException {

		FireLimitReached(int fired) {
			super("fired " + fired + " rules");
		}

	}

}
