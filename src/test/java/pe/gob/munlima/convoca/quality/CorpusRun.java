package pe.gob.munlima.convoca.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.quality.Scorecard.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real corpus files of the study through the paths a real file takes: the
 * aggregator's Atom feed through the office's import
 * ({@code POST /api/admin/calls/import}); the SEDIA derived JSON and the Grants.gov
 * extract, which that import does not read (it takes RSS and Atom only), through the
 * crawler — a source definition in the crawler folder, the file served over HTTP by a
 * local server, {@code POST /api/admin/sources/{id}/run} — with the mappings the project
 * already checks against these files (CorpusSources). Then every imported call is judged
 * against every demo project of Lima through {@code GET /api/eligibility}, deadline
 * reasons left out as in the development set.
 */
final class CorpusRun {

	static final Path CORPUS = Path.of("..", "shared", "corpus");

	static final Path FEED = CORPUS.resolve("aggregator-atom-feed/all.xml");

	static final Path SEDIA = CORPUS.resolve("eu-ft-portal-sedia-derived/grants.json");

	static final Path GRANTS_GOV = CORPUS.resolve("grantsgov-xml-extract-as-csv/grantsgov_export.csv");

	static final String FEED_SOURCE = "corpus-aggregator-feed";

	/**
	 * The ids of the definitions they come from, so a funder's defaults kept by id apply.
	 */
	static final String SEDIA_SOURCE = "eu-grants-feed-derived";

	static final String GRANTS_GOV_SOURCE = "grants-gov-xml-extract";

	/**
	 * Runs a leap day only: the scheduler must not crawl these while the report runs (the
	 * command crawls them once, through the API).
	 */
	private static final Map<String, Object> NEVER = Map.of("cron", "0 0 3 29 2 ?");

	private static HttpServer server;

	private CorpusRun() {
	}

	static boolean present() {
		return Files.isRegularFile(FEED) && Files.isRegularFile(SEDIA) && Files.isRegularFile(GRANTS_GOV);
	}

	/**
	 * Serves the SEDIA and Grants.gov files on 127.0.0.1 and writes the definitions that
	 * read them into the crawler folder — before the application starts, as an
	 * administrator would drop a definition there.
	 */
	static synchronized void writeSources(Path crawlers) {
		if (!present()) {
			return;
		}
		try {
			// one server for every context of the JVM (QualityReport and SignalReport)
			if (server == null) {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				serve("/grants.json", SEDIA, "application/json");
				serve("/grantsgov_export.csv", GRANTS_GOV, "text/csv; charset=utf-8");
				server.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			}
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			YAMLMapper yaml = YAMLMapper.builder().build();

			// the mapping CorpusExtractionTests checks on grants.json
			Map<String, Object> sedia = definition(yaml,
					Path.of("src/test/resources/corpus/eu-grants-feed-derived.yaml"));
			sedia.put("url", base + "/grants.json");
			sedia.put("schedule", NEVER);
			Files.writeString(crawlers.resolve(SEDIA_SOURCE + ".yaml"), yaml.writeValueAsString(sedia));

			// the shipped XML extract's fields read from the CSV flattening of 600 real
			// records (its columns are the element names), as CorpusSources does; without
			// the shipped keep-filter, so every federal record is judged
			Map<String, Object> grants = definition(yaml, Path.of("crawlers/grants-gov-xml-extract.yaml"));
			grants.put("kind", "csv");
			grants.put("url", base + "/grantsgov_export.csv");
			grants.remove("items");
			grants.remove("filter");
			grants.put("schedule", NEVER);
			Files.writeString(crawlers.resolve(GRANTS_GOV_SOURCE + ".yaml"), yaml.writeValueAsString(grants));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> definition(YAMLMapper yaml, Path file) {
		return new LinkedHashMap<>(yaml.readValue(file.toFile(), Map.class));
	}

	private static void serve(String path, Path file, String contentType) {
		server.createContext(path, exchange -> {
			byte[] body = Files.readAllBytes(file);
			exchange.getResponseHeaders().add("Content-Type", contentType);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
	}

	/** How one corpus file was taken in. */
	record Intake(String file, String path, String sourceId, String result) {
	}

	/**
	 * A set of calls judged against the demo projects.
	 *
	 * @param projects against which projects: the demo ones or the neutral one
	 * @param verdicts per call, its verdict (deadline left out) for each project
	 * @param reviewRules per rule id, the (call, project) pairs it leaves for review
	 * @param blockingRules per rule id, the (call, project) pairs it makes NOT_ELIGIBLE
	 */
	record Distribution(String name, String projects, Intake intake, Map<Long, List<String>> verdicts,
			Map<String, Integer> reviewRules, Map<String, Integer> blockingRules) {

		int calls() {
			return this.verdicts.size();
		}

		long pairs(String verdict) {
			return this.verdicts.values().stream().flatMap(List::stream).filter(verdict::equals).count();
		}

		/** Calls with no demo project left NEEDS_REVIEW: Lima knows where it stands. */
		long decidedForEveryProject() {
			return this.verdicts.values().stream().filter(v -> !v.contains(Scorecard.NEEDS_REVIEW)).count();
		}

		/** The measure of noise: NEEDS_REVIEW whatever the project. */
		long reviewForEveryProject() {
			return this.verdicts.values()
				.stream()
				.filter(v -> !v.isEmpty() && v.stream().allMatch(Scorecard.NEEDS_REVIEW::equals))
				.count();
		}

		long eligibleForSomeProject() {
			return this.verdicts.values().stream().filter(v -> v.contains(Scorecard.ELIGIBLE)).count();
		}

		long notEligibleForEveryProject() {
			return this.verdicts.values()
				.stream()
				.filter(v -> !v.isEmpty() && v.stream().allMatch(Scorecard.NOT_ELIGIBLE::equals))
				.count();
		}

	}

	/**
	 * Imports the three files and answers the distributions: the feed's calls against
	 * every demo project (the measure: "NEEDS_REVIEW for every project"), and
	 * every file against the neutral project — one request per call, so the two large
	 * files are judged in minutes; {@code allProjects} judges them against the demo
	 * projects too.
	 */
	static List<Distribution> run(Api api, List<Long> demoProjects, long neutralProject, boolean allProjects,
			int threads) {
		Intake feed = importFeed(api);
		Intake sedia = crawl(api, SEDIA, SEDIA_SOURCE);
		Intake grants = crawl(api, GRANTS_GOV, GRANTS_GOV_SOURCE);

		Map<String, List<Long>> bySource = callsBySource(api);
		List<Long> feedCalls = bySource.getOrDefault(FEED_SOURCE, List.of());
		List<Long> federal = feedCalls.stream().filter(id -> federal(api, id)).toList();
		List<Long> sediaCalls = bySource.getOrDefault(SEDIA_SOURCE, List.of());
		List<Long> grantsCalls = bySource.getOrDefault(GRANTS_GOV_SOURCE, List.of());
		String demo = demoProjects.size() + " demo projects";
		List<Long> neutral = List.of(neutralProject);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Distribution> all = new ArrayList<>();
			all.add(judge(api, pool, "Aggregator feed (all.xml), all calls", demo, feed, feedCalls, demoProjects));
			all.add(judge(api, pool, "Aggregator feed, U.S. federal calls (grants.gov)", demo, feed, federal,
					demoProjects));
			if (allProjects) {
				all.add(judge(api, pool, "SEDIA derived (grants.json)", demo, sedia, sediaCalls, demoProjects));
				all.add(judge(api, pool, "Grants.gov extract (grantsgov_export.csv)", demo, grants, grantsCalls,
						demoProjects));
			}
			all.add(judge(api, pool, "Aggregator feed, U.S. federal calls (grants.gov)", "neutral project", feed,
					federal, neutral));
			all.add(judge(api, pool, "SEDIA derived (grants.json)", "neutral project", sedia, sediaCalls, neutral));
			all.add(judge(api, pool, "Grants.gov extract (grantsgov_export.csv)", "neutral project", grants,
					grantsCalls, neutral));
			return all;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A project that asks nothing unusual of a call, so that what decides is Lima's own
	 * standing (who may apply, where): the demo portfolio's themes (at most the 20 a
	 * project may list; only calls that restrict their themes in words exclude on theme),
	 * USD 250,000 requested of 500,000 with half co-financed, 24 months, Spanish and
	 * English.
	 */
	static long neutralProject(Api api) {
		java.util.Set<String> themes = new java.util.TreeSet<>();
		for (JsonNode project : api.get("/api/projects")) {
			project.get("themes").forEach(t -> themes.add(t.asString()));
		}
		String body = "{\"code\": \"QUALITY-NEUTRAL\", \"gerencia\": \"GM\", \"title\": \"Proyecto de referencia "
				+ "para medir la lectura\", \"description\": \"Proyecto neutro del informe de calidad.\", \"themes\": ["
				+ themes.stream().limit(20).map(t -> "\"" + t + "\"").collect(java.util.stream.Collectors.joining(", "))
				+ "], \"budget\": 500000, \"requestedAmount\": 250000, \"currency\": \"USD\", "
				+ "\"coFinancingAvailable\": 250000, \"durationMonths\": 24, \"partners\": [], "
				+ "\"languages\": [\"es\", \"en\"]}";
		HttpResponse<String> created = api.postJson("/api/projects", body);
		assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
		return api.json(created).get("id").asLong();
	}

	static Intake importFeed(Api api) {
		try {
			HttpResponse<String> imported = DevSetRun.importFeed(api, Files.readAllBytes(FEED), "all.xml",
					"application/atom+xml", "Funding Finder (agregador)", FEED_SOURCE);
			assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
			return new Intake("aggregator-atom-feed/all.xml", "POST /api/admin/calls/import", FEED_SOURCE,
					imported.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Intake crawl(Api api, Path file, String source) {
		JsonNode run = api.post("/api/admin/sources/" + source + "/run");
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		String result = "items " + run.get("itemsFound").asInt() + ", new " + run.get("callsNew").asInt() + ", updated "
				+ run.get("callsUpdated").asInt() + ", unchanged " + run.get("callsUnchanged").asInt() + ", closed "
				+ run.get("callsClosed").asInt() + ", errors " + run.get("errorCount").asInt();
		return new Intake(CORPUS.relativize(file).toString(), "crawler: POST /api/admin/sources/" + source + "/run",
				source, result);
	}

	/**
	 * Every stored call, grouped by each source that lists it: a call the Grants.gov
	 * extract finds again after the feed brought it is merged into one call with two
	 * links, and counts for both files.
	 */
	static Map<String, List<Long>> callsBySource(Api api) {
		Map<String, List<Long>> bySource = new TreeMap<>();
		for (int page = 0;; page++) {
			JsonNode hits = api.get("/api/calls/search?q=&size=100&snippets=false&page=" + page).get("hits");
			for (JsonNode hit : hits) {
				long id = hit.get("id").asLong();
				JsonNode call = api.get("/api/calls/" + id);
				List<String> sources = new ArrayList<>();
				sources.add(call.get("sourceId").asString());
				for (JsonNode link : call.get("sources")) {
					if (!sources.contains(link.get("sourceId").asString())) {
						sources.add(link.get("sourceId").asString());
					}
				}
				sources.forEach(s -> bySource.computeIfAbsent(s, k -> new ArrayList<>()).add(id));
			}
			if (hits.size() < 100) {
				return bySource;
			}
		}
	}

	/** A U.S. federal call: one the feed links to grants.gov. */
	private static boolean federal(Api api, long id) {
		JsonNode call = api.get("/api/calls/" + id);
		for (JsonNode link : call.get("sources")) {
			if (FEED_SOURCE.equals(link.get("sourceId").asString())
					&& link.get("url").asString().contains("grants.gov")) {
				return true;
			}
		}
		return call.get("sourceUrl").asString().contains("grants.gov");
	}

	private static Distribution judge(Api api, ExecutorService pool, String name, String against, Intake intake,
			List<Long> calls, Collection<Long> projects) {
		Map<Long, Future<List<List<Reason>>>> pending = new LinkedHashMap<>();
		for (long call : calls) {
			pending.put(call, pool.submit(() -> {
				List<List<Reason>> perProject = new ArrayList<>();
				for (long project : projects) {
					HttpResponse<String> judged = api
						.send(HttpRequest.newBuilder(api.uri("/api/eligibility?call=" + call + "&project=" + project))
							.header("Accept", "application/json")
							.build());
					assertThat(judged.statusCode()).as(judged.body()).isEqualTo(200);
					perProject.add(DevSetRun.reasons(api.json(judged)));
				}
				return perProject;
			}));
		}
		Map<Long, List<String>> verdicts = new LinkedHashMap<>();
		Map<String, Integer> reviewRules = new TreeMap<>();
		Map<String, Integer> blockingRules = new TreeMap<>();
		try {
			for (Map.Entry<Long, Future<List<List<Reason>>>> call : pending.entrySet()) {
				List<String> perProject = new ArrayList<>();
				for (List<Reason> reasons : call.getValue().get()) {
					String verdict = Scorecard.verdictWithoutDeadline(reasons);
					perProject.add(verdict);
					reasons.stream()
						.filter(r -> r.blocking() && !r.deadline())
						.map(Reason::ruleId)
						.distinct()
						.forEach(rule -> blockingRules.merge(rule, 1, Integer::sum));
					if (Scorecard.NEEDS_REVIEW.equals(verdict)) {
						reasons.stream()
							.filter(r -> !"PASS".equals(r.severity()) && !r.deadline())
							.map(Reason::ruleId)
							.distinct()
							.forEach(rule -> reviewRules.merge(rule, 1, Integer::sum));
					}
				}
				verdicts.put(call.getKey(), perProject);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		return new Distribution(name, against, intake, verdicts, reviewRules, blockingRules);
	}

}
