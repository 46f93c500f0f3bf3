package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.ConvocaApplication;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.money.RateTable;
import pe.gob.munlima.convoca.requirement.Requirements;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search benchmark of issue 4 — not a test: {@code ./mvnw -Pbench verify} runs it
 * alone (see README, "Benchmarks"). One run, one JVM, on this machine:
 * <ol>
 * <li>starts the application (embedded PostgreSQL, index and HTTP server in a temporary
 * folder, HTTP on 127.0.0.1 only);</li>
 * <li>bulk-indexes N generated calls from memory into a scratch generation;</li>
 * <li>loads the same N calls into PostgreSQL (COPY) and rebuilds the index from the
 * database, as {@code POST /api/admin/index/rebuild} does;</li>
 * <li>runs a fixed mix of 20 queries with facets in-process, then over HTTP with snippets
 * and facets;</li>
 * <li>adds a tsvector column and a GIN index to the same table and runs the same mix in
 * PostgreSQL (top 10 with ts_headline, total and facet counts).</li>
 * </ol>
 * Writes the numbers to target/benchmark/search.md. {@code -Dbench.calls=} and
 * {@code -Dbench.seed=} change the size and the data.
 */
class SearchBenchmark {

	private static final Logger log = LoggerFactory.getLogger(SearchBenchmark.class);

	private static final int PAGE = 500;

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	/**
	 * The query mix: Lucene parameters, and the same search in websearch_to_tsquery
	 * syntax.
	 */
	private static final List<Mix> MIX = List.of(new Mix("movilidad urbana", "movilidad urbana"),
			new Mix("agua potable", "agua potable", "status", "open"),
			new Mix("climate change adaptation", "climate change adaptation"),
			new Mix("patrimoine culturel", "patrimoine culturel"),
			new Mix("gobiernos locales", "gobiernos locales", "theme", "governance"),
			new Mix("transporte público -préstamo", "transporte público -préstamo"),
			new Mix("\"urban mobility\"", "\"urban mobility\""),
			new Mix("residuos sólidos reciclaje", "residuos sólidos reciclaje", "sort", "deadline"),
			new Mix("gender equality", "gender equality", "deadlineFrom", "2026-12-01", "deadlineTo", "2027-06-30"),
			new Mix("transformación digital", "transformación digital", "amountMin", "100000", "amountMax", "2000000"),
			new Mix("seguridad ciudadana", "seguridad ciudadana", "status", "open", "sort", "deadline"),
			new Mix("mobilidade urbana", "mobilidade urbana"), new Mix("sustainable tourism", "sustainable tourism"),
			new Mix("educación OR salud", "educación or salud"), new Mix("", "", "theme", "water", "status", "open"),
			new Mix("biodiversidad áreas verdes", "biodiversidad áreas verdes"),
			new Mix("disaster risk NOT earthquake", "disaster risk -earthquake"),
			new Mix("espacios públicos", "espacios públicos", "funder", "AECID"),
			new Mix("municipalidades cofinanciamiento", "municipalidades cofinanciamiento"),
			new Mix("vivienda social", "vivienda social", "sort", "newest"));

	@Test
	void searchBenchmark() throws Exception {
		int count = Integer.getInteger("bench.calls", 100_000);
		long seed = Long.getLong("bench.seed", 20261124L);
		int rounds = Integer.getInteger("bench.rounds", 100);
		int pgRounds = Integer.getInteger("bench.pgRounds", 20);
		boolean bulk = Boolean.parseBoolean(System.getProperty("bench.bulk", "true"));
		boolean postgres = Boolean.parseBoolean(System.getProperty("bench.postgres", "true"));
		String searchThreads = System.getProperty("bench.searchThreads", "0");
		BenchmarkCalls generator = new BenchmarkCalls(seed);
		Path work = Files.createTempDirectory("convoca-bench");
		Files.createDirectories(work.resolve("crawlers"));
		Report report = new Report(count, seed);
		// Command-line arguments, not default properties: they must win over
		// application.yml,
		// or the benchmark would use (and wipe) the developer's data/ (database and
		// index).
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ConvocaApplication.class).run(
				"--convoca.embedded-db.data-dir=" + work.resolve("postgres"), "--convoca.embedded-db.clean=true",
				"--convoca.search.data-dir=" + work.resolve("index"), "--convoca.crawl.dir=" + work.resolve("crawlers"),
				"--convoca.demo.enabled=false", "--server.port=0", "--server.address=127.0.0.1",
				"--convoca.security.admin.password=" + Api.ADMIN_PASSWORD, "--spring.main.banner-mode=off")) {
			CallIndex index = app.getBean(CallIndex.class);
			CallIndexer indexer = app.getBean(CallIndexer.class);
			CallSearch search = app.getBean(CallSearch.class);
			DataSource dataSource = app.getBean(DataSource.class);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();

			if (bulk) {
				bulkIndex(index, generator, count, report);
			}
			long loadStarted = System.nanoTime();
			copyIntoPostgres(dataSource, generator, count);
			report.put("PostgreSQL load (COPY, 2 connections)", seconds(loadStarted));

			resetPeaks();
			long rebuildStarted = System.nanoTime();
			indexer.rebuild("benchmark");
			double rebuildSeconds = (System.nanoTime() - rebuildStarted) / 1e9;
			assertThat(index.documentCount()).isEqualTo(count);
			report.put("Full rebuild from PostgreSQL",
					String.format(Locale.ROOT, "%.1f s (%,.0f calls/s)", rebuildSeconds, count / rebuildSeconds));
			report.put("Peak heap during rebuild", mb(peakHeap()));
			report.put("Index size on disk, right after the rebuild", mb(index.sizeInBytes()));
			// Merges the rebuild left running compete for the two cores; searches are
			// measured once the index has settled, as it is in service.
			long settling = System.nanoTime();
			org.awaitility.Awaitility.await()
				.pollInterval(java.time.Duration.ofMillis(200))
				.atMost(java.time.Duration.ofMinutes(10))
				.until(() -> !index.merging());
			report.put("Background merges after the rebuild", seconds(settling));
			report.put("Index size on disk, settled",
					mb(index.sizeInBytes()) + ", " + index.segmentCount() + " segments");
			report.put("Search threads per query", searchThreads.equals("0")
					? Runtime.getRuntime().availableProcessors() + " (one per core)" : searchThreads);

			List<SearchRequest> requests = MIX.stream().map(Mix::request).toList();
			long[] totals = new long[MIX.size()];
			for (int i = 0; i < requests.size(); i++) {
				totals[i] = search.search(requests.get(i)).total();
			}
			report.put("Hits per query of the mix", Arrays.toString(totals));
			// The in-process target is the mix "with facets"; snippets are
			// measured too,
			// in-process and over HTTP.
			List<SearchRequest> facetsOnly = MIX.stream().map(mix -> mix.request("snippets", "false")).toList();
			double[][] perQuery = new double[MIX.size()][];
			double[] inProcess = measure(rounds, facetsOnly.size(), i -> search.search(facetsOnly.get(i)), perQuery);
			report.latency("In-process search (facets, top 10, no snippets)", inProcess);
			double[] withSnippets = measure(rounds, requests.size(), i -> search.search(requests.get(i)), null);
			report.latency("In-process search (facets, snippets, top 10)", withSnippets);
			StringBuilder slowest = new StringBuilder();
			for (int i = 0; i < MIX.size(); i++) {
				slowest.append(String.format(Locale.ROOT, "%s`%s` p50 %.1f / p99 %.1f ms", i == 0 ? "" : "; ",
						MIX.get(i).q().isEmpty() ? "(theme=water, status=open)" : MIX.get(i).q(),
						percentile(perQuery[i], 50), percentile(perQuery[i], 99)));
			}
			report.put("In-process per query (facets, no snippets)", slowest.toString());

			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			// A personal API token, as a script would use: a SHA-256 per request instead
			// of
			// the bcrypt of HTTP Basic, which would dominate the latency measured.
			String token = apiToken(http, port);
			List<HttpRequest> calls = MIX.stream()
				.map(mix -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + mix.path()))
					.header("Authorization", "Bearer " + token)
					.build())
				.toList();
			double[] overHttp = measure(rounds, calls.size(), i -> {
				HttpResponse<String> response = http.send(calls.get(i), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(response.body());
				}
			}, null);
			report.latency("HTTP GET /api/calls/search (facets, snippets, top 10)", overHttp);

			System.gc();
			report.put("Heap used after GC (index open, app running)", mb(usedHeap()));
			report.put("Max heap (-Xmx)", mb(Runtime.getRuntime().maxMemory()));

			if (!postgres) {
				return;
			}
			double[] pg = postgres(dataSource, index.rates(), pgRounds, report);
			report.latency("PostgreSQL tsvector + GIN (same mix)", pg);
			// Against Lucene with snippets, as the PostgreSQL mix computes ts_headline.
			report.put("Ratio PostgreSQL / Lucene in-process with snippets, p50",
					String.format(Locale.ROOT, "%.1f×", percentile(pg, 50) / percentile(withSnippets, 50)));
			report.put("Ratio PostgreSQL / Lucene in-process with snippets, p99",
					String.format(Locale.ROOT, "%.1f×", percentile(pg, 99) / percentile(withSnippets, 99)));
			report.put("Ratio PostgreSQL / Lucene over HTTP, p99",
					String.format(Locale.ROOT, "%.1f×", percentile(pg, 99) / percentile(overHttp, 99)));
		}
		finally {
			IndexGeneration.deleteTree(work);
			Path out = Path.of("target", "benchmark", "search.md");
			Files.createDirectories(out.getParent());
			Files.writeString(out, report.markdown(), StandardCharsets.UTF_8);
			log.info("Search benchmark\n{}", report.markdown());
		}
	}

	private static String apiToken(HttpClient http, int port) throws IOException, InterruptedException {
		HttpResponse<String> issued = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/users/admin/tokens"))
				.header("Authorization", Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"benchmark\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(issued.body()).get("token").asString();
	}

	/**
	 * Generated calls straight into a scratch generation on two threads, then dropped.
	 */
	private static void bulkIndex(CallIndex index, BenchmarkCalls generator, int count, Report report)
			throws Exception {
		IndexGeneration scratch = index.beginRebuild();
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		Semaphore inFlight = new Semaphore(4);
		long started = System.nanoTime();
		List<Future<?>> pages = new ArrayList<>();
		for (int from = 0; from < count; from += PAGE) {
			int start = from;
			inFlight.acquire();
			pages.add(pool.submit(() -> {
				try {
					index.load(scratch, generator.page(start, Math.min(count, start + PAGE)));
				}
				finally {
					inFlight.release();
				}
			}));
		}
		for (Future<?> page : pages) {
			page.get();
		}
		scratch.commit(null);
		double elapsed = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		report.put("Bulk indexing from memory (generation included, 2 threads)",
				String.format(Locale.ROOT, "%,.0f calls/s (%.1f s)", count / elapsed, elapsed));
		report.put("Scratch index size (before merges settle)", mb(scratch.sizeInBytes()));
		index.abortRebuild(scratch);
	}

	private static void copyIntoPostgres(DataSource dataSource, BenchmarkCalls generator, int count) throws Exception {
		// The PostgreSQL baseline reads flat columns, as an SQL-first design would store
		// them; the service keeps them in its one requirements document.
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE call ADD COLUMN amount_max NUMERIC(16,2), ADD COLUMN currency TEXT, "
					+ "ADD COLUMN applicant_types TEXT[], ADD COLUMN eligible_geographies TEXT[], "
					+ "ADD COLUMN excluded_countries TEXT[]");
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<?>> parts = new ArrayList<>();
		int half = count / 2;
		for (int[] range : new int[][] { { 0, half }, { half, count } }) {
			parts.add(pool.submit(() -> {
				try (Connection connection = dataSource.getConnection()) {
					var copy = connection.unwrap(PGConnection.class).getCopyAPI();
					for (int from = range[0]; from < range[1]; from += 2_000) {
						StringBuilder csv = new StringBuilder();
						for (CallView call : generator.page(from, Math.min(range[1], from + 2_000))) {
							csvRow(csv, call);
						}
						copy.copyIn("COPY call (id, stable_key, source_id, external_id, source_url, funder, title, "
								+ "summary, summary_text, language, published_at, deadline, deadline_zone, status, "
								+ "amount_max, currency, applicant_types, eligible_geographies, excluded_countries, "
								+ "themes, requirements, evidence, content_hash, first_seen_at, last_seen_at, updated_at) "
								+ "FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
					}
				}
				return null;
			}));
		}
		for (Future<?> part : parts) {
			part.get();
		}
		pool.shutdown();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT setval('call_id_seq', (SELECT max(id) FROM call))");
			statement.execute("VACUUM ANALYZE call");
		}
	}

	private static void csvRow(StringBuilder csv, CallView call) {
		Requirements.Money money = call.requirements().money();
		List<String> cells = Arrays.asList(Long.toString(call.id()), q(call.sourceId() + ":" + call.externalId()),
				q(call.sourceId()), q(call.externalId()), q(call.sourceUrl()), q(call.funder()), q(call.title()),
				q(call.summary()), q(call.summaryText()), q(call.language()), instant(call.publishedAt()),
				instant(call.deadline()), q(call.deadlineZone()), q(call.status()),
				money.max() == null ? "" : money.max().toPlainString(), q(money.currency()),
				array(call.requirements().value("applicantTypes")),
				array(call.requirements().value("eligibleGeographies")),
				array(call.requirements().value("excludedCountries")), array(call.themes()),
				q(JSON.writeValueAsString(call.requirements())), q("{}"), q("bench-" + call.id()),
				instant(call.firstSeenAt()), instant(call.lastSeenAt()), instant(call.lastSeenAt()));
		csv.append(String.join(",", cells)).append('\n');
	}

	private static String q(String value) {
		return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private static String instant(Instant value) {
		return value == null ? "" : value.toString();
	}

	/**
	 * A PostgreSQL array; an unstated list is an empty one, as the baseline's columns
	 * had.
	 */
	private static String array(List<String> values) {
		return q("{" + String.join(",", values == null ? List.of() : values) + "}");
	}

	/**
	 * tsvector per row in the row's language (Spanish, English, French, Portuguese
	 * stemming, as the index), a GIN index, and the mix as three statements per search:
	 * top 10 by ts_rank with ts_headline snippets, facet counts with the total (grouping
	 * sets), and the multi-valued facets (unnest).
	 */
	private static double[] postgres(DataSource dataSource, RateTable rates, int rounds, Report report)
			throws Exception {
		long started = System.nanoTime();
		StringBuilder usd = new StringBuilder("CASE currency");
		rates.usdPerUnit()
			.forEach((code, rate) -> usd.append(" WHEN '").append(code).append("' THEN ").append(rate.toPlainString()));
		usd.append(" END");
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE call ADD COLUMN tsv tsvector, ADD COLUMN amount_usd bigint");
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<?>> parts = new ArrayList<>();
		for (int part = 0; part < 2; part++) {
			int remainder = part;
			parts.add(pool.submit(() -> {
				try (Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("UPDATE call SET amount_usd = round(amount_max * (" + usd + ")), "
							+ "tsv = to_tsvector(CASE language WHEN 'es' THEN 'spanish'::regconfig "
							+ "WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig "
							+ "WHEN 'pt' THEN 'portuguese'::regconfig ELSE 'simple'::regconfig END, "
							+ "title || ' ' || summary_text) WHERE id % 2 = " + remainder);
				}
				return null;
			}));
		}
		for (Future<?> part : parts) {
			part.get();
		}
		pool.shutdown();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE INDEX call_tsv_idx ON call USING GIN (tsv)");
			statement.execute("VACUUM ANALYZE call");
			try (ResultSet size = statement
				.executeQuery("SELECT pg_relation_size('call_tsv_idx'), pg_total_relation_size('call')")) {
				size.next();
				report.put("PostgreSQL GIN index / table with TOAST",
						mb(size.getLong(1)) + " / " + mb(size.getLong(2)));
			}
		}
		report.put("PostgreSQL tsvector + GIN build", seconds(started));
		try (Connection connection = dataSource.getConnection()) {
			List<PgSearch> searches = new ArrayList<>();
			for (Mix mix : MIX) {
				searches.add(new PgSearch(connection, mix));
			}
			double[] latencies = measure(rounds, searches.size(), i -> searches.get(i).run(), null);
			for (PgSearch search : searches) {
				search.close();
			}
			return latencies;
		}
	}

	/**
	 * Runs the mix {@code rounds} times after a warm-up; sorted latencies in ms, and per
	 * query when {@code perQuery} is given.
	 */
	private static double[] measure(int rounds, int size, Step step, double[][] perQuery) throws Exception {
		int warmup = Math.max(2, rounds / 10);
		for (int r = 0; r < warmup; r++) {
			for (int i = 0; i < size; i++) {
				step.run(i);
			}
		}
		double[] millis = new double[rounds * size];
		double[][] byQuery = new double[size][rounds];
		int n = 0;
		for (int r = 0; r < rounds; r++) {
			for (int i = 0; i < size; i++) {
				long started = System.nanoTime();
				step.run(i);
				millis[n++] = (System.nanoTime() - started) / 1e6;
				byQuery[i][r] = millis[n - 1];
			}
		}
		Arrays.sort(millis);
		if (perQuery != null) {
			for (int i = 0; i < size; i++) {
				Arrays.sort(byQuery[i]);
				perQuery[i] = byQuery[i];
			}
		}
		return millis;
	}

	static double percentile(double[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

	private static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static String mb(long bytes) {
		return String.format(Locale.ROOT, "%,.0f MB", bytes / 1_048_576.0);
	}

	private static String seconds(long startedNanos) {
		return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
	}

	@FunctionalInterface
	interface Step {

		void run(int i) throws Exception;

	}

	/**
	 * @param q the query in Lucene syntax
	 * @param websearch the same query for websearch_to_tsquery
	 * @param params filters and sort, as name, value pairs
	 */
	record Mix(String q, String websearch, String... params) {

		Mix {
			params = params.clone();
		}

		SearchRequest request(String... more) {
			MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
			map.add("q", this.q);
			map.add("size", "10");
			for (int i = 0; i < this.params.length; i += 2) {
				map.add(this.params[i], this.params[i + 1]);
			}
			for (int i = 0; i < more.length; i += 2) {
				map.add(more[i], more[i + 1]);
			}
			return SearchRequest.from(map);
		}

		String path() {
			StringBuilder path = new StringBuilder("/api/calls/search?size=10&q=")
				.append(URLEncoder.encode(this.q, StandardCharsets.UTF_8));
			for (int i = 0; i < this.params.length; i += 2) {
				path.append('&')
					.append(this.params[i])
					.append('=')
					.append(URLEncoder.encode(this.params[i + 1], StandardCharsets.UTF_8));
			}
			return path.toString();
		}

		String param(String name) {
			for (int i = 0; i < this.params.length; i += 2) {
				if (this.params[i].equals(name)) {
					return this.params[i + 1];
				}
			}
			return null;
		}

	}

	/** One search of the mix as prepared SQL statements. */
	private static final class PgSearch implements AutoCloseable {

		private static final String QUERY = "(websearch_to_tsquery('spanish', ?) || websearch_to_tsquery('english', ?)"
				+ " || websearch_to_tsquery('french', ?) || websearch_to_tsquery('portuguese', ?))";

		private final Mix mix;

		private final PreparedStatement top;

		private final PreparedStatement facets;

		private final PreparedStatement multi;

		PgSearch(Connection connection, Mix mix) throws SQLException {
			this.mix = mix;
			String where = where(mix);
			String order = switch (mix.param("sort") == null ? "" : mix.param("sort")) {
				case "deadline" -> "deadline ASC NULLS LAST";
				case "newest" -> "published_at DESC NULLS LAST";
				default -> mix.websearch().isEmpty() ? "id" : "ts_rank(tsv, q) DESC";
			};
			this.top = connection.prepareStatement("WITH query AS (SELECT " + QUERY + " AS q) "
					+ "SELECT id, title, funder, deadline, amount_max, currency, applicant_types, "
					+ "ts_headline('simple', summary_text, q, 'MaxFragments=2, MaxWords=30, MinWords=10') "
					+ "FROM (SELECT c.*, query.q FROM call c, query WHERE " + where + " ORDER BY " + order
					+ " LIMIT 10) top");
			this.facets = connection.prepareStatement("WITH query AS (SELECT " + QUERY + " AS q), "
					+ "m AS (SELECT c.funder, c.status, c.language, c.source_id, c.deadline, c.amount_usd "
					+ "FROM call c, query WHERE " + where + ") " + "SELECT funder, status, language, source_id, "
					+ "CASE WHEN deadline IS NULL THEN 'none' WHEN deadline < now() THEN 'past' "
					+ "WHEN deadline < now() + interval '30 days' THEN '30' WHEN deadline < now() + interval '90 days' THEN '90' "
					+ "WHEN deadline < now() + interval '180 days' THEN '180' ELSE 'later' END AS deadline_bucket, "
					+ "CASE WHEN amount_usd IS NULL THEN 'none' WHEN amount_usd <= 50000 THEN '50k' "
					+ "WHEN amount_usd <= 250000 THEN '250k' WHEN amount_usd <= 1000000 THEN '1m' "
					+ "WHEN amount_usd <= 5000000 THEN '5m' ELSE 'more' END AS amount_bucket, count(*) FROM m "
					+ "GROUP BY GROUPING SETS ((), (funder), (status), (language), (source_id), (deadline_bucket), (amount_bucket))");
			this.multi = connection.prepareStatement("WITH query AS (SELECT " + QUERY + " AS q), "
					+ "m AS (SELECT c.themes, c.applicant_types, c.eligible_geographies FROM call c, query WHERE "
					+ where + ") SELECT 'theme', t, count(*) FROM m, unnest(themes) t GROUP BY t "
					+ "UNION ALL SELECT 'applicant', a, count(*) FROM m, unnest(applicant_types) a GROUP BY a "
					+ "UNION ALL SELECT 'region', r, count(*) FROM m, unnest(eligible_geographies) r GROUP BY r");
			for (PreparedStatement statement : List.of(this.top, this.facets, this.multi)) {
				for (int i = 1; i <= 4; i++) {
					statement.setString(i, mix.websearch());
				}
			}
		}

		private static String where(Mix mix) {
			List<String> conditions = new ArrayList<>();
			conditions.add(mix.websearch().isEmpty() ? "true" : "c.tsv @@ query.q");
			if (mix.param("status") != null) {
				conditions.add("c.status = '" + mix.param("status").toUpperCase(Locale.ROOT) + "'");
			}
			if (mix.param("theme") != null) {
				conditions.add("'" + mix.param("theme") + "' = ANY (c.themes)");
			}
			if (mix.param("funder") != null) {
				conditions.add("c.funder = '" + mix.param("funder") + "'");
			}
			if (mix.param("deadlineFrom") != null) {
				conditions.add("c.deadline >= '" + LocalDate.parse(mix.param("deadlineFrom")) + "'::date");
			}
			if (mix.param("deadlineTo") != null) {
				conditions.add("c.deadline < '" + LocalDate.parse(mix.param("deadlineTo")).plusDays(1) + "'::date");
			}
			if (mix.param("amountMin") != null) {
				conditions.add("c.amount_usd >= " + new BigDecimal(mix.param("amountMin")).longValueExact());
			}
			if (mix.param("amountMax") != null) {
				conditions.add("c.amount_usd <= " + new BigDecimal(mix.param("amountMax")).longValueExact());
			}
			return String.join(" AND ", conditions);
		}

		void run() throws SQLException {
			for (PreparedStatement statement : List.of(this.top, this.facets, this.multi)) {
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						rows.getString(1);
					}
				}
			}
		}

		@Override
		public void close() throws SQLException {
			this.top.close();
			this.facets.close();
			this.multi.close();
		}

		@Override
		public String toString() {
			return this.mix.q();
		}

	}

	/** The numbers of one run, in the order they were taken. */
	private static final class Report {

		private final Map<String, String> rows = new java.util.LinkedHashMap<>();

		Report(int count, long seed) {
			this.rows.put("Calls", String.format(Locale.ROOT, "%,d (seed %d)", count, seed));
			this.rows.put("Machine",
					Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
							+ ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
			this.rows.put("Started", Instant.now().toString());
		}

		void put(String name, String value) {
			this.rows.put(name, value);
			log.info("{}: {}", name, value);
		}

		void latency(String name, double[] sorted) {
			put(name,
					String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d queries)",
							percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
							sorted[sorted.length - 1], sorted.length));
		}

		String markdown() {
			StringBuilder md = new StringBuilder("| Measure | Value |\n|---|---|\n");
			this.rows.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
			return md.toString();
		}

	}

}
