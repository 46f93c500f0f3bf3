package pe.gob.munlima.convoca.quality;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.TestWorkspace;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.match.MatchFeed;
import pe.gob.munlima.convoca.match.MatchedCall;
import pe.gob.munlima.convoca.match.Matches;
import pe.gob.munlima.convoca.match.NewMatchSignal;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.quality.EvaluationSet.EvaluationCase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measurement of issue 17's "Signal, not noise" — not a test: {@code ./mvnw -Pquality
 * verify} runs it with {@link QualityReport} and it writes its own section of
 * {@code docs/quality.md}. A real application with a portfolio of about 190 projects (the
 * demo ones, the development set's, and variants generated with a fixed seed), the
 * development set and the corpus files taken in; then the Panel's and the digest's
 * new-match counts as {@code main} counted them and as they are now, and whether every
 * call labelled ELIGIBLE for a project is still there. It fails only when such a call
 * disappears.
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
	Matches matches;

	@Autowired
	NewMatchSignal signal;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Calls calls;

	@Autowired
	Projects projects;

	@Autowired
	Clock clock;

	@Test
	void measure() throws IOException {
		List<EvaluationCase> cases = EvaluationSet.devSetOrSkip();
		Instant started = Instant.now();
		Api api = new Api(this.port);
		List<JsonNode> demo = new ArrayList<>();
		api.get("/api/projects").forEach(demo::add);
		DevSetRun run = new DevSetRun(api, "dev");
		run.judge(cases);
		int generated = Math.max(0, PORTFOLIO - demo.size() - run.pairs().size());
		generate(api, demo, generated);
		List<String> intake = new ArrayList<>();
		if (CorpusRun.present()) {
			intake.add(CorpusRun.importFeed(api).file());
			intake.add(CorpusRun.crawl(api, CorpusRun.SEDIA, CorpusRun.SEDIA_SOURCE).file());
			intake.add(CorpusRun.crawl(api, CorpusRun.GRANTS_GOV, CorpusRun.GRANTS_GOV_SOURCE).file());
		}
		Instant now = this.clock.instant();
		Instant weekAgo = now.minus(Duration.ofDays(7));

		// The Panel: today's counting (every new ELIGIBLE or NEEDS_REVIEW pair of the
		// week)
		// against the calls it now lists, each with the pairs whose subject fits.
		long panelBefore = this.matches.countNewSince(weekAgo);
		NewMatchSignal.Selection panel = this.signal.since(weekAgo);

		// The digest: what it would tell now, then the real run, e-mail recorded in the
		// outbox (no SMTP server here; the text is what a recipient would read). No
		// digest
		// ran on this database yet: every fitting pair is unannounced.
		NewMatchSignal.Selection digest = this.signal.select(this.feed.fitting()
			.stream()
			.filter(m -> this.calls.find(m.callId()).map(c -> !c.closed()).orElse(false))
			.toList());
		HttpResponse<String> recipient = api.postJson("/api/admin/alerts/recipients",
				"{\"email\": \"senal@munlima.gob.pe\", \"language\": \"es\"}");
		assertThat(recipient.statusCode()).as(recipient.body()).isEqualTo(201);
		JsonNode digestRun = api.post("/api/admin/digests/run").get("run");
		int digestBefore = digestRun.get("newMatches").asInt();
		Map<String, Object> mail = this.jdbc
			.sql("SELECT subject, body_text FROM alert_outbox WHERE kind = 'DIGEST' AND recipient = ?")
			.param("senal@munlima.gob.pe")
			.query()
			.singleRow();
		String subject = (String) mail.get("subject");
		String text = (String) mail.get("body_text");
		java.util.regex.Matcher counted = SUBJECT.matcher(subject.replace(".", "").replace(",", ""));
		assertThat(counted.find()).as(subject).isTrue();
		int digestCalls = Integer.parseInt(counted.group(1));
		int digestPairs = Integer.parseInt(counted.group(2));
		assertThat(digestCalls).as("the digest's subject counts the calls it lists").isEqualTo(digest.calls().size());
		Map<Long, List<Long>> listed = listedInDigest(text);

		List<Labelled> labelled = new ArrayList<>();
		Map<Long, MatchedCall> weekPairs = new java.util.HashMap<>();
		this.feed.firstSeenSince(weekAgo).forEach(m -> {
			if (m.projectId() != null) {
				weekPairs.put(m.callId() * 1_000_000 + m.projectId(), m);
			}
		});
		for (EvaluationCase c : cases) {
			long[] pair = run.pairs().get(c.id());
			if (pair == null || !c.acceptable().contains(Scorecard.ELIGIBLE)) {
				continue;
			}
			MatchedCall stored = weekPairs.get(pair[0] * 1_000_000 + pair[1]);
			boolean panelCall = panel.calls().stream().anyMatch(g -> g.call().id() == pair[0]);
			boolean digestCall = listed.containsKey(pair[0]);
			labelled.add(new Labelled(c.id(), c.expectedVerdict(), stored != null,
					stored == null ? null : stored.score(), panelCall, panel.shows(pair[0], pair[1], null), digestCall,
					digest.shows(pair[0], pair[1], null), listed.getOrDefault(pair[0], List.of()).contains(pair[1])));
		}
		String section = section(started, now, demo.size(), run.pairs().size(), generated,
				this.projects.active().size(), intake, this.calls.count(), panelBefore, panel, digestBefore,
				digestCalls, digestPairs, digest, labelled);
		QualityReport.writeSection(section);
		log.info("Signal: Panel {} -> {} calls ({} pairs); digest {} -> {} calls ({} pairs)", panelBefore,
				panel.calls().size(), panel.shownCount(), digestBefore, digestCalls, digestPairs);
		for (Labelled l : labelled) {
			if (l.stored() && "ELIGIBLE".equals(l.expected())) {
				assertThat(l.panelCall() && l.digestCall())
					.as("%s: a call labelled ELIGIBLE stays on the Panel and in the digest", l.id())
					.isTrue();
			}
		}
	}

	private static final java.util.regex.Pattern SUBJECT = java.util.regex.Pattern
		.compile("(\\d+) convocatorias? nuevas? para sus proyectos \\((\\d+) coincidencias?");

	private static final java.util.regex.Pattern CALL_URL = java.util.regex.Pattern.compile("/convocatorias/(\\d+)$");

	private static final java.util.regex.Pattern PROJECT_URL = java.util.regex.Pattern.compile("/proyectos/(\\d+)$");

	/**
	 * The calls of the digest's new-matches section and the projects listed under each,
	 * read from the plain-text part: a call's link, then its projects' links.
	 */
	static Map<Long, List<Long>> listedInDigest(String text) {
		Map<Long, List<Long>> listed = new java.util.LinkedHashMap<>();
		String section = text;
		int end = section.indexOf("\n== ", section.indexOf("== ") + 3);
		if (end > 0) {
			section = section.substring(0, end);
		}
		Long call = null;
		for (String line : section.split("\n")) {
			java.util.regex.Matcher c = CALL_URL.matcher(line.strip());
			java.util.regex.Matcher p = PROJECT_URL.matcher(line.strip());
			if (c.find()) {
				call = Long.parseLong(c.group(1));
				listed.putIfAbsent(call, new ArrayList<>());
			}
			else if (p.find() && call != null) {
				listed.get(call).add(Long.parseLong(p.group(1)));
			}
		}
		return listed;
	}

	/**
	 * One labelled pair whose human verdict accepts ELIGIBLE.
	 *
	 * @param stored whether matching stored it as a new ELIGIBLE or NEEDS_REVIEW pair
	 * (what today's Panel counts)
	 * @param panelCall whether its call is among the Panel's new calls
	 * @param panelPair whether the pair is shown under it (its subject fits)
	 */
	record Labelled(String id, String expected, boolean stored, Float score, boolean panelCall, boolean panelPair,
			boolean digestCall, boolean digestPair, boolean digestListed) {
	}

	private static String section(Instant started, Instant now, int demo, int dev, int generated, int portfolio,
			List<String> intake, long calls, long panelBefore, NewMatchSignal.Selection panel, int digestBefore,
			int digestCalls, int digestPairs, NewMatchSignal.Selection digest, List<Labelled> labelled) {
		StringBuilder md = new StringBuilder();
		md.append(f("## Señal, no ruido / Signal, not noise (issue 17, item 6)%n%n"));
		md.append(f(
				"Written by `./mvnw -Pquality verify` (`SignalReport`; alone: `./mvnw -Pquality verify "
						+ "-Dtest=SignalReport`) on %s. Do not edit by hand.%n%n",
				started.truncatedTo(ChronoUnit.SECONDS)));
		md.append(f("**Set-up.** A fresh application (embedded PostgreSQL) with Lima's demo portfolio (%d projects of "
				+ "`src/main/resources/demo/lima.yaml`), the %d projects of the development set (each case's call "
				+ "imported and its project created, as in the section above) and %d projects generated from the demo "
				+ "ones with seed %d (same gerencia and themes, amounts scaled ×0.5–2, as an office's portfolio repeats "
				+ "its subjects): %d active projects, as in the issue's trial of about 190. Then the corpus files (%s) "
				+ "are taken in as above; %d calls stored, all first seen in the same week. The clock is pinned at %s "
				+ "so that every imported call is still open, as each was when its funder published it (a new user "
				+ "importing them then); the deadline changes no count below.%n%n", demo, dev, generated, SEED,
				portfolio, String.join(", ", intake), calls, now));
		md.append("**Today's counting** is that of `main` before this change: the Panel counted every new ELIGIBLE or "
				+ "NEEDS_REVIEW pair (call × project or gerencia) of the last 7 days and listed the newest ten; the "
				+ "digest announced every unannounced pair of an open call, by gerencia and project.\n\n"
				+ "**Now** both list calls, best fit first (best verdict, then percolation score, then nearest "
				+ "deadline), each call's doubts about its own facts once (`convoca.match.signal.call-doubts`), and "
				+ "under it the projects whose subject fits the call: the call states one of the project's themes, or "
				+ "its words score at least `convoca.match.signal.min-score` against the project's theme query. The "
				+ "headline of the Panel and the digest's subject count those calls; every other pair stays behind "
				+ "\"ver todas\" (`/coincidencias-nuevas`).\n\n");
		md.append("| | today's counting | now: calls listed | now: pairs whose subject fits | fall (calls) |\n"
				+ "|---|---|---|---|---|\n");
		md.append(f("| Panel (new in 7 days) | %d | %d | %d of %d | %s |%n", panelBefore, panel.calls().size(),
				panel.shownCount(), panel.total(), fall(panelBefore, panel.calls().size())));
		md.append(f("| weekly digest (office) | %d | %d | %d of %d | %s |%n%n", digestBefore, digestCalls, digestPairs,
				digest.total(), fall(digestBefore, digestCalls)));
		md.append(f(
				"Target (issue 17): both counts fall by at least 80 %% — **%s**; no call a human labels ELIGIBLE "
						+ "for a project disappears from them — **%s**.%n%n",
				fall(panelBefore, panel.calls().size()).startsWith("-") ? "no"
						: (100.0 * (panelBefore - panel.calls().size()) / Math.max(1, panelBefore) >= 80
								&& 100.0 * (digestBefore - digestCalls) / Math.max(1, digestBefore) >= 80 ? "met"
										: "not met"),
				labelled.stream()
					.filter(l -> l.stored() && "ELIGIBLE".equals(l.expected()))
					.allMatch(l -> l.panelCall() && l.digestCall()) ? "met" : "not met"));
		md.append(f(
				"The relevance floor alone hides %d of the Panel's %d pairs (%s): those that became candidates only "
						+ "because a theme of the call is among their gerencia's competences (all of them score 0 against the "
						+ "project's own themes). It cannot hide more without hiding a labelled pair: every stored pair labelled "
						+ "ELIGIBLE shares a theme with its call, with scores from %s. So the fall comes from saying a call "
						+ "once, with its projects under it, and its doubts once.%n%n",
				panel.hiddenCount(), panel.total(), fall(panel.total(), panel.shownCount()),
				labelled.stream()
					.filter(Labelled::stored)
					.map(Labelled::score)
					.min(Float::compare)
					.map(v -> f("%.2f", v))
					.orElse("—")
						+ " to "
						+ labelled.stream()
							.filter(Labelled::stored)
							.map(Labelled::score)
							.max(Float::compare)
							.map(v -> f("%.2f", v))
							.orElse("—")));
		md.append("Calls of the development set whose human verdict accepts ELIGIBLE, with the case's own project "
				+ "(*stored*: matching kept the pair as a new ELIGIBLE or NEEDS_REVIEW match, so today's Panel counted "
				+ "it; a pair not stored was not on the Panel before either):\n\n");
		md.append("| case | expected | stored (score) | Panel: call listed | Panel: project under it | digest: call "
				+ "listed | digest: project under it |\n|---|---|---|---|---|---|---|\n");
		for (Labelled l : labelled) {
			md.append(f("| %s | %s | %s | %s | %s | %s | %s |%n", l.id(), l.expected(),
					l.stored() ? f("yes (%.2f)", l.score()) : "no", yes(l.panelCall()), yes(l.panelPair()),
					yes(l.digestCall()),
					l.digestListed() ? "yes" : l.digestPair() ? "yes, under \"y N proyectos más\"" : "no"));
		}
		md.append('\n');
		return md.toString();
	}

	private static String yes(boolean value) {
		return value ? "yes" : "no";
	}

	private static String fall(long before, long after) {
		return before == 0 ? "—" : f("%.1f %%", 100.0 * (before - after) / before);
	}

	private static String f(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
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
