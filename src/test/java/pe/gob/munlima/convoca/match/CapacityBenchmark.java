package pe.gob.munlima.convoca.match;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.ConvocaApplication;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.project.ProjectForm;
import pe.gob.munlima.convoca.search.BenchmarkCalls;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The capacity benchmark of issue 14 — not a test (README, "Benchmarks"):
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=pe.gob.munlima.convoca.match.CapacityBenchmark -Dexec.args="4000 60 50"
 * </pre>
 *
 * Arguments: open calls (4,000), seconds of load (60), concurrent clients (50). One JVM:
 * starts the application on 127.0.0.1 with a temporary embedded PostgreSQL and index, the
 * demo portfolio (Lima, its gerencias) and the clock pinned to the generator's day;
 * copies that many open calls generated with a fixed seed into the database; measures the
 * CPU time of one check in-process (one thread, 50 different projects); then runs the
 * clients, each sending {@code POST /api/eligibility/check} with one of 50 seeded
 * projects in a loop (a 503 is waited out for its Retry-After, as a polite client does),
 * while a prober asks {@code GET /actuator/health} every 100 ms. Reports checks/s, the
 * latency of answered checks (p50, p99, max), errors, 503s (and whether each had
 * Retry-After), the health latency (max) and the process CPU per answered check; writes
 * the table to target/bench/capacity.md.
 */
public final class CapacityBenchmark {

	private static final Logger log = LoggerFactory.getLogger(CapacityBenchmark.class);

	private static final long SEED = 20261206L;

	private static final String[] THEMES = { "mobility", "climate", "water", "waste", "heritage", "tourism", "ict",
			"governance", "security", "gender", "social-inclusion", "health", "education", "disaster-risk",
			"urban-development", "housing", "economic-development", "environment" };

	private static final String[] GERENCIAS = { "GM", "GP", "PROLIMA", "GDE", "GDS", "GSCGA", "GSC", "GDU", "GMU",
			"GCEDE", "GGRD" };

	private static final String[] CURRENCIES = { "USD", "PEN", "EUR" };

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private final Map<String, String> report = new LinkedHashMap<>();

	public static void main(String[] args) throws Exception {
		int calls = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
		int clients = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		new CapacityBenchmark().run(calls, seconds, clients);
		// Tomcat and the embedded database are closed with the context; exec:java waits
		// for non-daemon threads otherwise.
		System.exit(0);
	}

	private void run(int callCount, int seconds, int clients) throws Exception {
		Path work = Files.createTempDirectory("convoca-capacity");
		Files.createDirectories(work.resolve("crawlers"));
		// The calls are copied into the database of a first start, bypassing the
		// intake and its events (minutes for 4,000 calls); the service is then started
		// again on that data, as after a restart: it reads them into memory as it starts.
		try (ConfigurableApplicationContext app = start(work)) {
			long loadStarted = System.nanoTime();
			int copied = copyOpenCalls(app.getBean(DataSource.class), callCount);
			line("Open calls copied into PostgreSQL", String.format(Locale.ROOT, "%,d (%.1f s), seed %d", copied,
					(System.nanoTime() - loadStarted) / 1e9, SEED));
		}
		try (ConfigurableApplicationContext app = start(work)) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			waitForIndexRebuild(port);
			line("Machine",
					Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
							+ ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
							+ " MB; clients, server and database share them");
			CheckProperties limits = app.getBean(CheckProperties.class);
			line("Limits",
					"max-concurrent " + limits.maxConcurrent() + ", queue-capacity " + limits.queueCapacity()
							+ ", max-wait " + limits.maxWait().toMillis() + " ms, retry-after "
							+ limits.retryAfter().toSeconds() + " s");

			List<ProjectForm> projects = projects(50);
			inProcess(app.getBean(EligibilityCheck.class), app.getBean(OpenCalls.class), projects);
			String token = token(port);
			load(port, token, projects, seconds, clients);
		}
		Path out = Path.of("target", "bench", "capacity.md");
		Files.createDirectories(out.getParent());
		StringBuilder table = new StringBuilder("| Measure | Value |\n|---|---|\n");
		this.report.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
		Files.writeString(out, table, StandardCharsets.UTF_8);
		log.info("\n{}\nWritten to {}", table, out.toAbsolutePath());
	}

	/**
	 * The application on a folder of its own; never {@code convoca.embedded-db.clean},
	 * which deletes the data when the first start closes.
	 */
	private static ConfigurableApplicationContext start(Path work) {
		return new SpringApplicationBuilder(ConvocaApplication.class).run(
				"--convoca.embedded-db.data-dir=" + work.resolve("postgres"), "--convoca.embedded-db.clean=false",
				"--convoca.search.data-dir=" + work.resolve("index"), "--convoca.crawl.dir=" + work.resolve("crawlers"),
				"--convoca.clock.fixed=" + BenchmarkCalls.NOW, "--server.port=0", "--server.address=127.0.0.1",
				"--convoca.security.admin.password=" + Api.ADMIN_PASSWORD, "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.pe.gob.munlima.convoca.match.CapacityBenchmark=INFO");
	}

	/**
	 * The restart finds the index behind the database and rebuilds it in the background;
	 * the load is measured once it is done, as in service.
	 */
	private static void waitForIndexRebuild(int port) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/index"))
			.header("Authorization", Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD))
			.build();
		for (int i = 0; i < 600; i++) {
			String body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
			if (!body.contains("\"RUNNING\"")) {
				return;
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("The index rebuild did not end in 10 minutes");
	}

	/**
	 * The CPU one check costs, without HTTP: the first one reads the open calls into
	 * memory (reported apart), the next ones are what every check costs.
	 */
	private void inProcess(EligibilityCheck checker, OpenCalls openCalls, List<ProjectForm> projects) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long wall = System.nanoTime();
		long cpu = threads.getCurrentThreadCpuTime();
		int shown = checker.check(projects.get(0), Locale.ROOT).size();
		line("First check (after the read of the open calls into memory it waits for, begun at start-up)",
				String.format(Locale.ROOT, "%.0f ms wall, %.0f ms CPU; %,d calls held, %d shown",
						(System.nanoTime() - wall) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
						openCalls.size(), shown));
		measure(checker, projects, "CPU per check in-process (100 checks of 50 projects, one thread)");
		// Projects asking more than any call gives: hardly a call is ELIGIBLE, so every
		// candidate is judged (no early stop at 50 eligible calls): the costliest check.
		List<ProjectForm> greedy = projects.stream()
			.map(p -> new ProjectForm(p.code(), p.gerencia(), p.title(), p.description(), p.themes(),
					new BigDecimal("500000000000"), new BigDecimal("400000000000"), "USD", BigDecimal.ZERO, 240,
					p.partners(), p.languages()))
			.toList();
		measure(checker, greedy, "CPU per check in-process, worst case (the same projects asking USD 400,000 million)");
	}

	private void measure(EligibilityCheck checker, List<ProjectForm> projects, String label) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Integer> verdicts = new java.util.TreeMap<>();
		for (int round = 0; round < 3; round++) {
			projects.forEach(project -> checker.check(project, Locale.ROOT)
				.forEach(shownCall -> verdicts.merge(shownCall.verdict(), 1, Integer::sum)));
		}
		double[] cpuMs = new double[projects.size() * 2];
		for (int i = 0; i < cpuMs.length; i++) {
			long before = threads.getCurrentThreadCpuTime();
			checker.check(projects.get(i % projects.size()), Locale.ROOT);
			cpuMs[i] = (threads.getCurrentThreadCpuTime() - before) / 1e6;
		}
		Arrays.sort(cpuMs);
		line(label,
				String.format(Locale.ROOT, "p50 **%.1f ms**, p90 %.1f ms, max %.1f ms, mean %.1f ms; verdicts shown %s",
						percentile(cpuMs, 50), percentile(cpuMs, 90), cpuMs[cpuMs.length - 1],
						Arrays.stream(cpuMs).average().orElse(0), verdicts));
	}

	private void load(int port, String token, List<ProjectForm> projects, int seconds, int clients) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		List<HttpRequest> requests = new ArrayList<>();
		for (ProjectForm project : projects) {
			requests.add(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/eligibility/check"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(project)))
				.build());
		}
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(10))
			.build();

		AtomicBoolean measuring = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger busy = new AtomicInteger();
		AtomicInteger busyWithoutRetryAfter = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
		AtomicLong healthMax = new AtomicLong();
		AtomicInteger healthCount = new AtomicInteger();
		AtomicInteger healthFailures = new AtomicInteger();
		ConcurrentLinkedQueue<Long> healthLatencies = new ConcurrentLinkedQueue<>();
		CountDownLatch done = new CountDownLatch(clients + 1);
		for (int c = 0; c < clients; c++) {
			int client = c;
			Thread thread = new Thread(() -> {
				try {
					for (int i = client; !stop.get(); i++) {
						long started = System.nanoTime();
						try {
							HttpResponse<String> response = http.send(requests.get(i % requests.size()),
									HttpResponse.BodyHandlers.ofString());
							long took = System.nanoTime() - started;
							boolean counted = measuring.get();
							if (response.statusCode() == 200) {
								if (counted) {
									latencies.add(took);
								}
							}
							else if (response.statusCode() == 503) {
								String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
								if (counted) {
									busy.incrementAndGet();
									if (retryAfter == null) {
										busyWithoutRetryAfter.incrementAndGet();
									}
								}
								Thread.sleep(1000L * (retryAfter == null ? 1 : Long.parseLong(retryAfter)));
							}
							else if (counted) {
								errors.incrementAndGet();
								if (errorSamples.size() < 5) {
									errorSamples.add(response.statusCode() + " " + response.body());
								}
							}
						}
						catch (java.io.IOException ex) {
							if (measuring.get()) {
								errors.incrementAndGet();
								errorSamples.add(ex.toString());
							}
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			}, "client-" + c);
			thread.start();
		}
		Thread prober = new Thread(() -> {
			try {
				while (!stop.get()) {
					long started = System.nanoTime();
					try {
						HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
						long took = System.nanoTime() - started;
						if (measuring.get()) {
							healthCount.incrementAndGet();
							healthLatencies.add(took);
							healthMax.accumulateAndGet(took, Math::max);
							if (response.statusCode() != 200) {
								healthFailures.incrementAndGet();
							}
						}
					}
					catch (java.io.IOException ex) {
						if (measuring.get()) {
							healthFailures.incrementAndGet();
						}
					}
					Thread.sleep(100);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				done.countDown();
			}
		}, "health-prober");
		prober.start();

		// Warm-up: the JIT, the pools, the sessions of the rule base.
		Thread.sleep(10_000);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long cpuBefore = os.getProcessCpuTime();
		long started = System.nanoTime();
		measuring.set(true);
		Thread.sleep(seconds * 1000L);
		measuring.set(false);
		double elapsed = (System.nanoTime() - started) / 1e9;
		long cpu = os.getProcessCpuTime() - cpuBefore;
		stop.set(true);
		done.await();

		double[] ms = latencies.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
		double[] healthMs = healthLatencies.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
		line("Load", clients + " concurrent clients, " + seconds + " s measured after 10 s of warm-up");
		line("Checks answered (200)",
				String.format(Locale.ROOT, "%,d: **%.1f checks/s**", ms.length, ms.length / elapsed));
		line("Latency of answered checks",
				ms.length == 0 ? "—"
						: String.format(Locale.ROOT, "p50 **%.0f ms**, p90 %.0f ms, **p99 %.0f ms**, max %.0f ms",
								percentile(ms, 50), percentile(ms, 90), percentile(ms, 99), ms[ms.length - 1]));
		line("503 (busy)", busy.get() + " (" + busyWithoutRetryAfter.get() + " without Retry-After)");
		line("Errors (other status, I/O)", errors.get() + (errorSamples.isEmpty() ? "" : " e.g. " + errorSamples));
		line("Health during the load",
				String.format(Locale.ROOT, "%d probes, %d not 200; p50 %.0f ms, p99 %.0f ms, **max %.0f ms**",
						healthCount.get(), healthFailures.get(), healthMs.length == 0 ? 0 : percentile(healthMs, 50),
						healthMs.length == 0 ? 0 : percentile(healthMs, 99), healthMax.get() / 1e6));
		line("Process CPU per answered check over HTTP (server, clients and database's JDBC side)",
				ms.length == 0 ? "—"
						: String.format(Locale.ROOT, "%.1f ms (%.0f %% of %d cores)", cpu / 1e6 / ms.length,
								100.0 * cpu / 1e9 / elapsed / Runtime.getRuntime().availableProcessors(),
								Runtime.getRuntime().availableProcessors()));
	}

	/** Seeded projects: 1–3 themes, any gerencia, amounts in USD, PEN or EUR. */
	private static List<ProjectForm> projects(int count) {
		SplittableRandom random = new SplittableRandom(SEED);
		List<ProjectForm> projects = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			List<String> themes = new ArrayList<>();
			int themeCount = 1 + random.nextInt(3);
			while (themes.size() < themeCount) {
				String theme = THEMES[random.nextInt(THEMES.length)];
				if (!themes.contains(theme)) {
					themes.add(theme);
				}
			}
			BigDecimal budget = BigDecimal.valueOf(100_000L + random.nextInt(5_000_000));
			BigDecimal requested = budget.multiply(BigDecimal.valueOf(30 + random.nextInt(60)))
				.divide(BigDecimal.valueOf(100));
			projects.add(new ProjectForm("borrador", GERENCIAS[random.nextInt(GERENCIAS.length)],
					"Proyecto de prueba " + i, "Proyecto generado para medir la capacidad.", themes, budget, requested,
					CURRENCIES[random.nextInt(CURRENCIES.length)], budget.subtract(requested), 6 + random.nextInt(43),
					List.of(), random.nextInt(3) == 0 ? List.of("es", "en") : List.of("es")));
		}
		return projects;
	}

	/**
	 * Copies generated calls that are open on the generator's day (no deadline, or one
	 * ahead) until there are {@code count}.
	 */
	private static int copyOpenCalls(DataSource dataSource, int count) throws Exception {
		BenchmarkCalls generator = new BenchmarkCalls(SEED);
		int copied = 0;
		try (Connection connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder csv = new StringBuilder();
			for (int n = 0; copied < count; n++) {
				CallView call = generator.call(n);
				if (call.deadline() != null && !call.deadline().isAfter(BenchmarkCalls.NOW)) {
					continue;
				}
				// Above the demo feed's ids.
				csv.append(row(call, 100_000L + n)).append('\n');
				copied++;
				if (copied % 1_000 == 0 || copied == count) {
					copy.copyIn("COPY call (id, stable_key, source_id, external_id, source_url, funder, title, "
							+ "summary, summary_text, language, published_at, deadline, deadline_zone, status, "
							+ "themes, requirements, evidence, content_hash, first_seen_at, last_seen_at, updated_at) "
							+ "FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
					csv.setLength(0);
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("SELECT setval('call_id_seq', (SELECT max(id) FROM call))");
				statement.execute("VACUUM ANALYZE call");
			}
		}
		return copied;
	}

	private static String row(CallView call, long id) {
		return String.join(",", Long.toString(id), q(call.sourceId() + ":" + call.externalId()), q(call.sourceId()),
				q(call.externalId()), q(call.sourceUrl()), q(call.funder()), q(call.title()), q(call.summary()),
				q(call.summaryText()), q(call.language()), instant(call.publishedAt()), instant(call.deadline()),
				q(call.deadlineZone()), q(call.status()), array(call.themes()),
				q(JSON.writeValueAsString(call.requirements())), q("{}"), q("bench-" + id), instant(call.firstSeenAt()),
				instant(call.lastSeenAt()), instant(call.lastSeenAt()));
	}

	private static String q(String value) {
		return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private static String instant(Instant value) {
		return value == null ? "" : value.toString();
	}

	/** A text array; a requirement the call does not state is NULL. */
	private static String array(List<String> values) {
		return values == null ? "" : q("{" + String.join(",", values) + "}");
	}

	private static String token(int port) throws Exception {
		HttpResponse<String> issued = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/users/admin/tokens"))
				.header("Authorization", Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"capacity benchmark\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (issued.statusCode() != 201) {
			throw new IllegalStateException("No token: " + issued.statusCode() + " " + issued.body());
		}
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(issued.body()).get("token").asString();
	}

	private static double percentile(double[] sorted, double p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private void line(String measure, String value) {
		this.report.put(measure, value);
		log.info("{}: {}", measure, value);
	}

}
