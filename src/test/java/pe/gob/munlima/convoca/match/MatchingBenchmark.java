package pe.gob.munlima.convoca.match;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.requirement.GivenRequirements;
import pe.gob.munlima.convoca.requirement.Requirements;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.ThemeThesaurus;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.rules.ApplicantFacts;
import pe.gob.munlima.convoca.rules.Assessment;
import pe.gob.munlima.convoca.rules.CallFacts;
import pe.gob.munlima.convoca.rules.EvaluationContext;
import pe.gob.munlima.convoca.rules.ProjectFacts;
import pe.gob.munlima.convoca.rules.PlainJavaEligibility;
import pe.gob.munlima.convoca.rules.Rules;

/**
 * The matching benchmark of issue 5 (not a test: run it with the command in README's
 * "Benchmarks" section). On a seeded synthetic portfolio of 1,000 projects and N calls it
 * measures: incremental match of one call against the portfolio (p50/p99), the full
 * re-match of all calls on two threads, the shipped rules against the same rules as plain
 * Java predicates on the same pairs, and validate + swap of a 200-rule set. Results go to
 * the log and to target/bench/matching.md.
 */
public final class MatchingBenchmark {

	private static final Logger log = LoggerFactory.getLogger(MatchingBenchmark.class);

	private static final List<String> THEMES = List.of("mobility", "climate", "environment", "water", "waste",
			"heritage", "culture", "tourism", "ict", "economic-development", "governance", "international-cooperation",
			"capacity-building", "security", "urban-development", "housing", "social-inclusion", "gender", "health",
			"education", "sport", "disaster-risk");

	private static final String FILLER = "The programme supports projects that improve the quality of life of residents "
			+ "through integrated public policies, participation and evaluation of results. El programa apoya proyectos "
			+ "que mejoran la calidad de vida mediante políticas públicas integrales, participación y evaluación. ";

	private final Random random = new Random(20261124L);

	private final ThemeThesaurus thesaurus = ThemeThesaurus.load(Path.of("reading", "vocabulary.yaml"));

	private final Judge judge = new Judge(new Percolator(this.thesaurus));

	private final StringBuilder report = new StringBuilder();

	public static void main(String[] args) throws Exception {
		int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int projects = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
		new MatchingBenchmark().run(calls, projects);
	}

	private void run(int callCount, int projectCount) throws Exception {
		Rules rules = Rules.load(Path.of("rules"));
		Portfolio portfolio = portfolio(projectCount);
		EvaluationContext context = new EvaluationContext(LocalDate.of(2026, 11, 24), 30);
		line("# Matching benchmark (issue 5)");
		line("");
		line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
				+ " MB. Seed 20261124.");
		line("Portfolio: " + projectCount + " projects, " + portfolio.gerencias().size() + " gerencias; " + callCount
				+ " calls of about " + averageLength(callCount) + " characters.");
		line("");

		// Warm-up: let the JIT and MVEL's own compiler settle before anything is timed.
		List<CallView> warm = calls(2_000, 1_000_000);
		warm.forEach(call -> this.judge.judge(call, rules, portfolio, context));

		incremental(rules, portfolio, context);
		droolsVersusJava(rules, portfolio, context);
		fullRematch(rules, portfolio, context, callCount);
		validateAndSwap();
		Path out = Path.of("target", "bench", "matching.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, this.report, StandardCharsets.UTF_8);
		log.info("Report written to {}", out.toAbsolutePath());
	}

	private void incremental(Rules rules, Portfolio portfolio, EvaluationContext context) {
		List<CallView> sample = calls(2_000, 2_000_000);
		long[] nanos = new long[sample.size()];
		long candidates = 0;
		for (int i = 0; i < sample.size(); i++) {
			long start = System.nanoTime();
			candidates += this.judge.judge(sample.get(i), rules, portfolio, context).size();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		line("## Incremental match: one new call against the portfolio");
		line("- " + sample.size() + " calls, one at a time: p50 " + ms(percentile(nanos, 50)) + " ms, p99 "
				+ ms(percentile(nanos, 99)) + " ms, max " + ms(nanos[nanos.length - 1]) + " ms (target p99 ≤ 25 ms)"
				+ load());
		line("- candidates judged by the rules per call (projects + gerencias): "
				+ String.format(Locale.ROOT, "%.1f", (double) candidates / sample.size()));
		line("");
	}

	private void droolsVersusJava(Rules rules, Portfolio portfolio, EvaluationContext context) {
		List<CallView> sample = calls(3_000, 3_000_000);
		ApplicantFacts applicant = FactsAssembler.applicant(portfolio.organisation(), rules.parameters());
		List<CallFacts> callFacts = sample.stream().map(c -> FactsAssembler.call(c, rules.parameters())).toList();
		List<ProjectFacts> projectFacts = portfolio.projects()
			.stream()
			.limit(200)
			.map(p -> FactsAssembler.project(p, rules.parameters()))
			.toList();
		long pairs = (long) callFacts.size() * projectFacts.size();
		// Both engines on the same pairs, five alternating rounds, best of each (the
		// first
		// rounds also warm the JIT). A timed round keeps nothing but a checksum of what
		// it
		// computed: holding 600,000 assessments per engine would time the garbage
		// collector's copying of them, not the rules.
		int rounds = 5;
		long droolsNanos = Long.MAX_VALUE;
		long javaNanos = Long.MAX_VALUE;
		double[] ratios = new double[rounds];
		long droolsSum = 0;
		long javaSum = 0;
		for (int round = 0; round < rounds; round++) {
			long droolsStart = System.nanoTime();
			droolsSum = 0;
			for (CallFacts c : callFacts) {
				droolsSum += checksum(rules.evaluateAll(c, projectFacts, applicant, context));
			}
			long drools = System.nanoTime() - droolsStart;
			long javaStart = System.nanoTime();
			javaSum = 0;
			for (CallFacts c : callFacts) {
				javaSum += checksum(
						PlainJavaEligibility.evaluateAll(c, projectFacts, applicant, context, rules.version()));
			}
			long java = System.nanoTime() - javaStart;
			droolsNanos = Math.min(droolsNanos, drools);
			javaNanos = Math.min(javaNanos, java);
			ratios[round] = (double) drools / java;
		}
		// Untimed: both must agree on every pair, verdict and reason by reason.
		long disagreements = 0;
		for (CallFacts c : callFacts) {
			List<Assessment> drools = rules.evaluateAll(c, projectFacts, applicant, context);
			List<Assessment> java = PlainJavaEligibility.evaluateAll(c, projectFacts, applicant, context,
					rules.version());
			for (int i = 0; i < drools.size(); i++) {
				if (!drools.get(i).equals(java.get(i))) {
					disagreements++;
				}
			}
		}
		Arrays.sort(ratios);
		line("## Drools versus the same rules as plain Java predicates");
		line("- " + pairs + " (call, project) pairs, best of " + rounds + " alternating rounds: Drools "
				+ ms(droolsNanos) + " ms (" + String.format(Locale.ROOT, "%.2f", droolsNanos / 1000.0 / pairs)
				+ " µs/pair), Java " + ms(javaNanos) + " ms ("
				+ String.format(Locale.ROOT, "%.2f", javaNanos / 1000.0 / pairs) + " µs/pair): ratio "
				+ String.format(Locale.ROOT, "%.2f", (double) droolsNanos / javaNanos)
				+ "× (target ≤ 3×); ratio within each round: median "
				+ String.format(Locale.ROOT, "%.2f", ratios[rounds / 2]) + "×, range "
				+ String.format(Locale.ROOT, "%.2f–%.2f", ratios[0], ratios[rounds - 1]) + "×" + load());
		line("- both build the same reasons (ids, message keys, arguments, evidence, fixes); pairs where they "
				+ "disagree: " + disagreements
				+ (droolsSum == javaSum ? "" : " (and the timed rounds' checksums differ)"));
		line("");
	}

	/** What a consumer of the assessments reads: every verdict and every reason. */
	private static long checksum(List<Assessment> assessments) {
		long sum = 0;
		for (Assessment assessment : assessments) {
			sum = 31 * sum + assessment.verdict().ordinal();
			for (var reason : assessment.reasons()) {
				sum = 31 * sum + reason.ruleId().hashCode() + reason.args().size();
			}
		}
		return sum;
	}

	/** The machine's load average, as other builds on the shared cores skew timings. */
	private static String load() {
		return String.format(Locale.ROOT, " (load average %.1f)",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/**
	 * Every call judged twice on two threads: first as new (percolation and rules), then
	 * again after a rule set activation, as the service does: every pair is judged by the
	 * new rules, and only the percolation of calls whose text did not change is reused.
	 */
	private void fullRematch(Rules rules, Portfolio portfolio, EvaluationContext context, int callCount)
			throws Exception {
		List<CallView> all = calls(callCount, 10_000_000);
		line("## Full re-match (verdicts computed, not stored)");
		Run first = judgeAll(all, rules, portfolio, context);
		line("- first match of " + all.size() + " new calls × " + portfolio.projects().size() + " projects, "
				+ "percolation and rules: " + first);
		Rules activated = newVersionOf(rules);
		Run again = judgeAll(all, activated, portfolio, context);
		line("- **re-match after activating rule set " + activated.version() + "** (every pair judged by the new "
				+ "rules; percolation of the unchanged calls reused): " + again
				+ " (target ≤ 60 s for 100,000 × 1,000)");
		line("");
	}

	private Run judgeAll(List<CallView> calls, Rules rules, Portfolio portfolio, EvaluationContext context)
			throws Exception {
		AtomicLong judged = new AtomicLong();
		AtomicLong cpuNanos = new AtomicLong();
		int threads = 2;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> parts = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int from = t * calls.size() / threads;
			int to = (t + 1) * calls.size() / threads;
			parts.add(pool.submit(() -> {
				long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
				for (CallView call : calls.subList(from, to)) {
					judged.addAndGet(this.judge.judge(call, rules, portfolio, context).size());
				}
				cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu);
			}));
		}
		for (Future<?> part : parts) {
			part.get();
		}
		long nanos = System.nanoTime() - start;
		pool.shutdown();
		Runtime runtime = Runtime.getRuntime();
		return new Run(nanos, cpuNanos.get(), judged.get(), threads,
				(runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
	}

	/**
	 * @param cpuNanos CPU time the worker threads got: on a shared machine less than
	 * threads × wall time
	 */
	private record Run(long nanos, long cpuNanos, long pairs, int threads, long heapMb) {

		@Override
		public String toString() {
			double seconds = this.nanos / 1e9;
			return String.format(Locale.ROOT,
					"%.1f s on %d threads, %d candidate pairs judged by the rules (%.0f pairs/s), "
							+ "worker CPU %.1f s (%.0f %% of %d cores), heap in use after: %d MB",
					seconds, this.threads, this.pairs, this.pairs / seconds, this.cpuNanos / 1e9,
					100.0 * this.cpuNanos / (this.nanos * (double) this.threads), this.threads, this.heapMb) + load();
		}

	}

	/**
	 * The same rules as a new rule set version (a comment added to one file), as after an
	 * activation: compiled, tested and judged anew.
	 */
	private static Rules newVersionOf(Rules rules) throws IOException {
		Path dir = copyOfShippedRules("convoca-activated");
		Path theme = dir.resolve("theme.drl");
		Files.writeString(theme, Files.readString(theme, StandardCharsets.UTF_8) + "\n// activated by the benchmark\n",
				StandardCharsets.UTF_8);
		Rules activated = Rules.load(dir);
		if (activated.version().equals(rules.version())) {
			throw new IllegalStateException("the activated rule set must be a new version");
		}
		return activated;
	}

	private static Path copyOfShippedRules(String prefix) throws IOException {
		Path dir = Files.createTempDirectory(prefix);
		try (Stream<Path> files = Files.walk(Path.of("rules"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path copy = dir.resolve(Path.of("rules").relativize(file).toString());
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
		}
		return dir;
	}

	private void validateAndSwap() throws IOException {
		Path dir = copyOfShippedRules("convoca-200-rules");
		int shipped = (int) Stream.of(dir.toFile().listFiles())
			.filter(f -> f.getName().endsWith(".drl"))
			.mapToLong(f -> {
				try {
					return Files.readAllLines(f.toPath()).stream().filter(l -> l.startsWith("rule \"")).count();
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			})
			.sum();
		StringBuilder extra = new StringBuilder(
				"package rules.eligibility;\n\n" + "import pe.gob.munlima.convoca.rules.ApplicantFacts;\n"
						+ "import pe.gob.munlima.convoca.rules.CallFacts;\n"
						+ "import pe.gob.munlima.convoca.rules.CallFindings;\n\n");
		// Network rules for 200 - shipped invented networks: the kind of rule an office
		// adds.
		for (int i = 0; i < 200 - shipped; i++) {
			extra.append("rule \"network-")
				.append(i)
				.append("-missing\"\nwhen\n    $c : CallFacts( networkRequired == \"NET")
				.append(i)
				.append("\" )\n    $a : ApplicantFacts( !belongsTo($c.networkRequired) )\n    $f : CallFindings()\nthen\n")
				.append("    $f.notEligible(drools.getRule().getName(), \"reason.network.missing\", $c.evidenceFor(\"networkRequired\"), ")
				.append("\"fix.network.missing\", $c.networkRequired());\nend\n\n");
		}
		Files.writeString(dir.resolve("zz-networks.drl"), extra, StandardCharsets.UTF_8);
		long[] nanos = new long[5];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			Rules.load(dir);
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		line("## Validate + swap of a 200-rule set");
		line("- safety check, compilation, parameters and all rule test cases, then the atomic swap: median "
				+ ms(nanos[2]) + " ms, worst " + ms(nanos[4]) + " ms over 5 runs (target ≤ 5 s)" + load());
		line("");
	}

	private Portfolio portfolio(int count) {
		List<GerenciaProfile> gerencias = new ArrayList<>();
		for (int g = 0; g < 11; g++) {
			gerencias.add(new GerenciaProfile(g + 1, "G" + g, "Gerencia " + g, pick(2), null));
		}
		List<ProjectProfile> projects = new ArrayList<>();
		String[] currencies = { "PEN", "USD", "EUR" };
		for (int p = 0; p < count; p++) {
			GerenciaProfile gerencia = gerencias.get(this.random.nextInt(gerencias.size()));
			List<String> themes = new ArrayList<>(pick(1 + this.random.nextInt(2)));
			BigDecimal budget = BigDecimal.valueOf(100_000 + this.random.nextInt(5_000_000));
			projects.add(
					new ProjectProfile(p + 1, "P-" + p, gerencia, "Proyecto " + p, "Descripción " + p, themes, budget,
							budget
								.divide(BigDecimal.valueOf(2 + this.random.nextInt(5)), java.math.RoundingMode.HALF_UP),
							currencies[this.random.nextInt(3)],
							budget.divide(BigDecimal.valueOf(3 + this.random.nextInt(8)),
									java.math.RoundingMode.HALF_UP),
							6 + this.random.nextInt(43), List.of(),
							this.random.nextBoolean() ? List.of("es") : List.of("es", "en")));
		}
		OrganisationProfile lima = new OrganisationProfile("Municipalidad Metropolitana de Lima", "LOCAL_GOVERNMENT",
				"PE", List.of("PE", "LATAM", "SOUTH_AMERICA", "ANDEAN", "ODA", "GLOBAL"), "UPPER_MIDDLE", 8_574_974L,
				List.of("Madrid", "Burdeos", "Trento", "Shanghái"), List.of("C40", "UCCI", "ICLEI"), List.of("APCI"),
				List.of("es", "en"));
		return new Portfolio(lima, projects, gerencias);
	}

	private List<CallView> calls(int count, long firstId) {
		List<CallView> calls = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			calls.add(call(firstId + i));
		}
		return calls;
	}

	private CallView call(long id) {
		List<String> themes = pick(1 + this.random.nextInt(3));
		StringBuilder text = new StringBuilder();
		for (String theme : themes) {
			List<String> terms = this.thesaurus.termsOf(theme);
			text.append("Call for projects on ")
				.append(terms.get(this.random.nextInt(terms.size())))
				.append(" and ")
				.append(terms.get(this.random.nextInt(terms.size())))
				.append(". ");
		}
		while (text.length() < 1_500) {
			text.append(FILLER);
		}
		Instant deadline = LocalDate.of(2026, 11, 24)
			.plusDays(this.random.nextInt(400) - 60)
			.atStartOfDay()
			.toInstant(ZoneOffset.UTC);
		boolean statesApplicants = this.random.nextInt(10) < 7;
		List<String> applicants = !statesApplicants ? null
				: this.random.nextInt(4) == 0 ? List.of("NGO") : List.of("LOCAL_GOVERNMENT", "NGO");
		List<String> geographies = this.random.nextInt(10) < 6
				? List.of(this.random.nextInt(5) == 0 ? "AFRICA" : "LATAM") : null;
		BigDecimal max = this.random.nextInt(10) < 7 ? BigDecimal.valueOf(50_000 + this.random.nextInt(3_000_000))
				: null;
		BigDecimal pct = this.random.nextInt(3) == 0 ? BigDecimal.valueOf(10 + this.random.nextInt(30)) : null;
		Requirements requirements = GivenRequirements.of("amountMax", max, "currency", max == null ? null : "USD",
				"coFinancingPct", pct, "applicantTypes", applicants, "eligibleGeographies", geographies,
				"partnershipRequired", this.random.nextInt(8) == 0 ? "EU" : null, "networkRequired",
				this.random.nextInt(10) == 0 ? "C40" : null, "reimbursable", this.random.nextInt(20) == 0,
				"durationMonthsMax", this.random.nextInt(3) == 0 ? 24 : null, "applicationLanguages",
				this.random.nextInt(4) == 0 ? List.of("en") : null);
		return new CallView(id, "bench", "b" + id, "https://example.org/" + id, "Funder " + (id % 40),
				"Call " + id + " " + String.join(" ", themes), text.toString(), text.toString(), "en", null, null,
				deadline, "UTC", "OPEN", themes, requirements, Map.of(), null, null, null, null, null, null, List.of(),
				List.of());
	}

	private List<String> pick(int count) {
		List<String> shuffled = new ArrayList<>(THEMES);
		Collections.shuffle(shuffled, this.random);
		return List.copyOf(shuffled.subList(0, count));
	}

	private int averageLength(int ignored) {
		return call(0).summaryText().length();
	}

	private static long percentile(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	private static String ms(long nanos) {
		return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
	}

	private void line(String text) {
		this.report.append(text).append('\n');
		log.info(text);
	}

}
