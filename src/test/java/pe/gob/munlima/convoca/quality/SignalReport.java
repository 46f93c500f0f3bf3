package pe.gob.munlima.convoca.quality;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.TestWorkspace;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.match.MatchFeed;
import pe.gob.munlima.convoca.match.MatchedCall;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.quality.EvaluationSet.EvaluationCase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dumps the stored matches of the signal measurement (development only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignalReport {

	private static final Logger log = LoggerFactory.getLogger(SignalReport.class);

	static final Path WORK = TestWorkspace.create("convoca-signal");

	static final int PORTFOLIO = Integer.getInteger("signal.projects", 190);

	static final long SEED = Long.getLong("signal.seed", 17L);

	static final String NOW = System.getProperty("signal.now", "2008-12-01T12:00:00Z");

	static {
		CorpusRun.writeSources(WORK.resolve("crawlers"));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
		registry.add("convoca.crawl.allow-private-addresses", () -> "true");
		registry.add("convoca.clock.fixed", () -> NOW);
	}

	@BeforeAll
	static void evaluationData() {
		EvaluationSet.devSetOrSkip();
	}

	@LocalServerPort
	int port;

	@Autowired
	MatchFeed feed;

	@Autowired
	Calls calls;

	@Autowired
	Projects projects;

	@Autowired
	Clock clock;

	@Test
	void measure() throws IOException {
		List<EvaluationCase> cases = EvaluationSet.devSetOrSkip();
		Api api = new Api(this.port);
		List<JsonNode> demo = new ArrayList<>();
		api.get("/api/projects").forEach(demo::add);
		DevSetRun run = new DevSetRun(api, "dev");
		run.judge(cases);
		generate(api, demo, PORTFOLIO - demo.size() - run.pairs().size());
		if (CorpusRun.present()) {
			CorpusRun.importFeed(api);
			CorpusRun.crawl(api, CorpusRun.SEDIA, CorpusRun.SEDIA_SOURCE);
			CorpusRun.crawl(api, CorpusRun.GRANTS_GOV, CorpusRun.GRANTS_GOV_SOURCE);
		}
		Map<Long, ProjectProfile> portfolio = this.projects.active()
			.stream()
			.collect(Collectors.toMap(ProjectProfile::id, p -> p));
		Map<Long, List<String>> competences = this.projects.gerencias()
			.stream()
			.collect(Collectors.toMap(g -> g.id(), g -> g.competences()));
		StringBuilder csv = new StringBuilder(
				"match,call,project,gerencia,verdict,score,shares,callThemes,subjectThemes,nonpass,source,status\n");
		for (MatchedCall m : this.feed.fitting()) {
			CallView call = this.calls.find(m.callId()).orElseThrow();
			List<String> themes = m.projectId() != null ? portfolio.get(m.projectId()).themes()
					: competences.get(m.gerenciaId());
			List<String> callThemes = call.themes() == null ? List.of() : call.themes();
			boolean shares = callThemes.stream().anyMatch(themes::contains);
			csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%.4f,%s,%s,%s,%s,%s,%s%n", m.matchId(), m.callId(),
					m.projectId(), m.gerenciaId(), m.verdict(), m.score(), shares, String.join(" ", callThemes),
					String.join(" ", themes),
					m.reasons()
						.stream()
						.filter(r -> r.severity() != pe.gob.munlima.convoca.rules.Severity.PASS)
						.map(r -> r.ruleId())
						.collect(Collectors.joining(" ")),
					call.sourceId(), call.status()));
		}
		StringBuilder labels = new StringBuilder("case,expected,acceptable,call,project\n");
		for (EvaluationCase c : cases) {
			long[] pair = run.pairs().get(c.id());
			labels.append(c.id() + "," + c.expectedVerdict() + "," + String.join(" ", c.acceptable()) + ","
					+ (pair == null ? "" : pair[0] + "," + pair[1]) + "\n");
		}
		Path out = Path.of("target", "signal");
		Files.createDirectories(out);
		Files.writeString(out.resolve("matches.csv"), csv, StandardCharsets.UTF_8);
		Files.writeString(out.resolve("labels.csv"), labels, StandardCharsets.UTF_8);
		log.info("Dumped {} matches", this.feed.fitting().size());
	}

	/**
	 * Variants of the demo projects, drawn with a fixed seed: the same gerencias and
	 * themes, other titles and amounts.
	 */
	static void generate(Api api, List<JsonNode> demo, int count) {
		Random random = new Random(SEED);
		for (int i = 1; i <= count; i++) {
			JsonNode base = demo.get(random.nextInt(demo.size()));
			ObjectNode body = JsonMapper.builder().build().createObjectNode();
			for (String field : List.of("description", "themes", "budget", "requestedAmount", "currency",
					"coFinancingAvailable", "durationMonths", "partners", "languages")) {
				body.set(field, base.get(field));
			}
			body.put("gerencia", base.get("gerencia").get("code").asString());
			double factor = 0.5 + random.nextDouble() * 1.5;
			body.put("code", String.format(Locale.ROOT, "GEN-%03d", i));
			body.put("title", base.get("title").asString() + String.format(Locale.ROOT, " (variante %d)", i));
			scale(body, "budget", factor);
			scale(body, "requestedAmount", factor);
			scale(body, "coFinancingAvailable", factor);
			HttpResponse<String> created = api.postJson("/api/projects", body.toString());
			if (created.statusCode() != 200 && created.statusCode() != 201) {
				throw new AssertionError("generated project " + i + ": " + created.statusCode() + " " + created.body());
			}
		}
	}

	private static void scale(ObjectNode body, String field, double factor) {
		JsonNode value = body.get(field);
		if (value != null && value.isNumber()) {
			body.put(field, Math.round(value.asDouble() * factor));
		}
	}

}
