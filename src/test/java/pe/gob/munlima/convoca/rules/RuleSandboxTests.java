package pe.gob.munlima.convoca.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import pe.gob.munlima.convoca.requirement.GivenRequirements;

/**
 * The second wall behind the allow-list: test cases run with a fire limit and a time
 * limit on a bounded pool. The stuck rule sets here are compiled without the allow-list
 * (which would refuse their loops), to show what happens if something ever slips past it.
 */
class RuleSandboxTests {

	/** A consequence that never ends and never looks at interrupts. */
	private static final String STUCK = """
			package rules.eligibility;
			import pe.gob.munlima.convoca.rules.CallFacts;

			rule "stuck"
			when
			    $c : CallFacts()
			then
			    long spins = 0;
			    while (spins >= 0) { spins = (spins + 1) % 1000; }
			end
			""";

	private static final String ONE_CASE = """
			- name: Cualquier convocatoria
			  call: {deadline: 2027-03-15, applicantTypes: [LOCAL_GOVERNMENT], eligibleGeographies: [PE], themes: [mobility]}
			  project: {themes: [mobility], requestedUsd: 100000}
			  expect: {verdict: ELIGIBLE}
			""";

	private final CallFacts call = new CallFacts(
			7L, "Movilidad", LocalDate.of(2027, 3, 15), List.of("mobility"), GivenRequirements.of("applicantTypes",
					List.of("LOCAL_GOVERNMENT"), "eligibleGeographies", List.of("LATAM"), "reimbursable", false),
			null, null, null, Map.of());

	private final ProjectFacts project = new ProjectFacts(1L, "Ciclovías", List.of("mobility"), List.of("mobility"),
			null, null, null, null, null, List.of("es"), List.of(), false);

	private final ApplicantFacts lima = new ApplicantFacts("LOCAL_GOVERNMENT", "PE", List.of("PE", "LATAM"),
			"UPPER_MIDDLE", 8_574_974L, List.of("C40"), List.of("APCI"), Map.of());

	private final EvaluationContext today = new EvaluationContext(LocalDate.of(2026, 11, 24), 30);

	@Test
	void aStuckDraftIsStoppedAfterItsProcessorLimitAndReportedWhileEligibilityKeepsAnswering() throws Exception {
		Eligibility eligibility = new Eligibility(new RuleProperties(Path.of("rules"), Duration.ZERO),
				Clock.systemUTC());
		// The shipped set is active (prepared at start-up) before the draft's case spins.
		eligibility.awaitStartup();
		RuleSet stuck = stuckSet();

		long start = System.nanoTime();
		CompletableFuture<List<RuleError>> run = CompletableFuture
			.supplyAsync(() -> RuleTester.run(stuck, stuck.files()));
		// While the draft's case spins, an eligibility request is answered as usual.
		Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> sandboxThreadsRunning() > 0);
		long asked = System.nanoTime();
		Verdict verdict = eligibility.evaluate(this.call, this.project, this.lima, this.today).verdict();
		long answeredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
		assertThat(run).isNotDone();
		List<RuleError> errors = run.get(10, TimeUnit.SECONDS);
		long stoppedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

		assertThat(verdict).isEqualTo(Verdict.ELIGIBLE);
		assertThat(answeredMillis).isLessThan(1000);
		// Stopped once it used 3 s of processor: about 3 s on an idle machine, longer
		// when
		// the spinning thread shares the processors, never more than ten limits.
		assertThat(stoppedMillis).isGreaterThanOrEqualTo(RuleSandbox.CASE_LIMIT.toMillis())
			.isLessThanOrEqualTo(RuleSandbox.STARVED_FACTOR * RuleSandbox.CASE_LIMIT.toMillis() + 2000);
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.file()).isEqualTo("tests/stuck.yaml");
			assertThat(error.code()).isEqualTo("rules.refused.timeLimit");
			assertThat(error.message()).contains("Cualquier convocatoria");
		});
		// The spinning thread was stopped, not left behind.
		Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> sandboxThreadsRunning() == 0);
	}

	@Test
	void stuckDraftsOneAfterAnotherLeaveNoThreadBehind() {
		RuleSandbox sandbox = new RuleSandbox(2, Duration.ofMillis(500));
		RuleSet stuck = stuckSet();

		for (int i = 0; i < 4; i++) {
			assertThat(RuleTester.run(stuck, stuck.files(), sandbox)).extracting(RuleError::code)
				.containsExactly("rules.refused.timeLimit");
			assertThat(sandboxThreads()).isLessThanOrEqualTo(2 + 2);
		}
		Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> sandboxThreadsRunning() == 0);
		// Idle pool threads end too.
		Awaitility.await().atMost(Duration.ofSeconds(6)).until(() -> sandboxThreads() == 0);
	}

	@Test
	void anEvaluationStopsAtItsFireLimit() {
		RuleSet shipped = new RuleCompiler().prepare(RuleCompiler.readFolder(Path.of("rules")), Instant.now());
		List<ProjectFacts> projects = List.of(this.project);

		Assessment unlimited = Eligibility.evaluateAll(shipped, this.call, projects, this.lima, this.today).get(0);
		Assessment limited = Eligibility
			.evaluateAll(shipped, this.call, projects, this.lima, this.today, RuleSandbox.FIRE_LIMIT)
			.get(0);

		assertThat(limited).isEqualTo(unlimited);
		assertThat(unlimited.reasons()).hasSizeGreaterThan(3);
		assertThatThrownBy(() -> Eligibility.evaluateAll(shipped, this.call, projects, this.lima, this.today, 3))
			.isInstanceOf(Eligibility.FireLimitReached.class);
	}

	/** A rule set that loops, compiled as if it had passed the allow-list. */
	private static RuleSet stuckSet() {
		Map<String, String> files = Map.of("stuck.drl", STUCK, "tests/stuck.yaml", ONE_CASE);
		return new RuleSet(RuleCompiler.compile(Map.of("stuck.drl", STUCK)), RuleParameters.read(Path.of("__none__")),
				"stuck", files, Instant.now());
	}

	@Test
	void aCaseThatWaitedForTheProcessorIsNotMistakenForALoop() throws Exception {
		// Sleeping stands for a thread that gets no processor on a loaded machine: three
		// limits on the clock, almost no processor time.
		RuleSandbox sandbox = new RuleSandbox(2, Duration.ofMillis(200));

		String answer = sandbox.call(() -> {
			Thread.sleep(600);
			return "judged";
		});

		assertThat(answer).isEqualTo("judged");
	}

	@Test
	void aCaseIsStoppedAfterTenLimitsOnTheClockEvenWithoutUsingTheProcessor() {
		RuleSandbox sandbox = new RuleSandbox(2, Duration.ofMillis(100));
		long start = System.nanoTime();

		assertThatThrownBy(() -> sandbox.call(() -> {
			Thread.sleep(30_000);
			return "never";
		})).isInstanceOf(java.util.concurrent.TimeoutException.class);

		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(millis).isBetween(1000L, 10_000L);
	}

	@Test
	void aCaseThatUsesTheProcessorIsStoppedAtItsLimit() {
		RuleSandbox sandbox = new RuleSandbox(2, Duration.ofMillis(300));
		long start = System.nanoTime();

		assertThatThrownBy(() -> sandbox.call(() -> {
			long spins = 0;
			while (!Thread.currentThread().isInterrupted()) {
				spins++;
			}
			return spins;
		})).isInstanceOf(java.util.concurrent.TimeoutException.class);

		// Well before the ten limits a starved case gets, unless the machine gave the
		// spinning thread almost no processor.
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);
	}

	private static long sandboxThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> thread.getName().startsWith(RuleSandbox.THREAD_NAME))
			.count();
	}

	/** Sandbox threads running a case (idle ones wait for work). */
	private static long sandboxThreadsRunning() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter(entry -> entry.getKey().getName().startsWith(RuleSandbox.THREAD_NAME))
			.filter(entry -> entry.getKey().getState() == Thread.State.RUNNABLE)
			.count();
	}

}
