package pe.gob.munlima.convoca.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.quality.CorpusRun.Distribution;
import pe.gob.munlima.convoca.quality.EvaluationSet.EvaluationCase;
import pe.gob.munlima.convoca.quality.Scorecard.Outcome;

/**
 * The evaluation command of issue 13 — not a test: {@code ./mvnw -Pquality verify} runs
 * it alone (README, "Quality"). It starts the real application (embedded PostgreSQL,
 * random port), judges the development set of {@code ../shared/evaluation} through the
 * real import and API ({@link DevSetRun}, figures of {@link Scorecard}), takes the corpus
 * files in and judges them against Lima's demo projects ({@link CorpusRun}), and writes
 * {@code docs/quality.md}. It asserts nothing about the figures (the floors are
 * {@link QualityFloorsIntegrationTests}); it fails only when a case cannot be judged.
 */
class QualityReport extends QualityContextSupport {

	private static final Logger log = LoggerFactory.getLogger(QualityReport.class);

	static final Path REPORT = Path.of("docs", "quality.md");

	/** Parallel eligibility requests over the corpus (-Dquality.threads). */
	private static final int THREADS = Integer.getInteger("quality.threads", 2);

	/**
	 * -Dquality.allProjects=true: the two large files against every demo project too
	 * (slow).
	 */
	private static final boolean ALL_PROJECTS = Boolean.getBoolean("quality.allProjects");

	static {
		CorpusRun.writeSources(WORK.resolve("crawlers"));
	}

	@Test
	void writeTheReport() throws IOException {
		List<EvaluationCase> cases = EvaluationSet.devSetOrSkip();
		Instant started = Instant.now();
		// Lima's demo portfolio, before the development set adds its own projects
		List<Long> demoProjects = new ArrayList<>();
		for (JsonNode project : api().get("/api/projects")) {
			demoProjects.add(project.get("id").asLong());
		}

		long t = System.nanoTime();
		DevSetRun run = new DevSetRun(api(), "dev");
		Scorecard score = new Scorecard(run.judge(cases));
		long devMillis = (System.nanoTime() - t) / 1_000_000;
		log.info("Development set in {} ms ({}): {}", devMillis, run.timings(), score.summaryLine());

		// The office answers the review queue as the human reader decided (issue 17).
		Scorecard answered = new Scorecard(run.answerAsLabelled(cases, score.outcomes));
		JsonNode corrections = api().get("/api/admin/corrections/report");
		log.info("After the office's answers ({} corrections): {}", corrections.get("corrections").asInt(),
				answered.summaryLine());

		List<Distribution> corpus = List.of();
		long corpusMillis = 0;
		if (CorpusRun.present()) {
			t = System.nanoTime();
			corpus = CorpusRun.run(api(), demoProjects, CorpusRun.neutralProject(api()), ALL_PROJECTS, THREADS);
			corpusMillis = (System.nanoTime() - t) / 1_000_000;
			for (Distribution d : corpus) {
				log.info("{} against {}: {} calls, decided for Lima {}, NEEDS_REVIEW for every project {}", d.name(),
						d.projects(), d.calls(), d.decidedForEveryProject(), d.reviewForEveryProject());
			}
		}
		else {
			log.warn("No {}: the corpus distributions are left out of the report", CorpusRun.CORPUS);
		}
		String report = markdown(score, corpus, demoProjects.size(), started, devMillis, corpusMillis, run.timings())
				+ corrections(score, answered, corrections);
		Files.createDirectories(REPORT.getParent());
		// SignalReport's section is its own: kept as it is when this one is written again
		Files.writeString(REPORT, report + keptSections(), StandardCharsets.UTF_8);
		log.info("Wrote {}", REPORT.toAbsolutePath());
		if (score.errors > 0) {
			throw new AssertionError(score.errors + " cases could not be judged; see " + REPORT);
		}
	}

	/**
	 * What the office's answers to the review queue do to the development set, and the
	 * corrections counted by criterion and by source: where the reader is weak.
	 */
	private static String corrections(Scorecard before, Scorecard after, JsonNode report) {
		StringBuilder md = new StringBuilder("\n## Corrections by the office (issue 17)\n\n");
		md.append("After the development set is judged, the office answers the review queue as the human reader "
				+ "decided, where the labels say the answer: for a case Convoca left for review that the reader "
				+ "decided, each doubt about who may apply or where is corrected through "
				+ "`POST /api/admin/calls/{id}/corrections` (Lima in, or Lima out when that criterion is among the "
				+ "case's failing criteria); doubts the labels cannot answer (amounts, deadlines) are left. The "
				+ "cases are then judged again. In service, the same counts are `GET /api/admin/corrections/report`."
				+ "\n\n");
		md.append("| figure | before the answers | after |\n|---|---|---|\n");
		md.append(f("| exact verdict | %d/%d | %d/%d |%n", before.exact, before.cases, after.exact, after.cases));
		md.append(f("| agreement | %d/%d | %d/%d |%n", before.agreement, before.cases, after.agreement, after.cases));
		md.append(f("| decided cases left for review | %d/%d | %d/%d |%n", before.decidedLeftForReview, before.decided,
				after.decidedLeftForReview, after.decided));
		md.append(f("| eligible calls wrongly rejected | %d/%d | %d/%d |%n", before.eligibleWronglyRejected,
				before.eligible, after.eligibleWronglyRejected, after.eligible));
		md.append(f("%nCorrections made: %d.%n%n### Corrections by criterion%n%n| fact | corrections |%n|---|---|%n",
				report.get("corrections").asInt()));
		report.get("byCriterion")
			.forEach(c -> md.append(f("| %s (`%s`) | %d |%n", c.get("label").asString(), c.get("key").asString(),
					c.get("count").asInt())));
		md.append("\n### Corrections by source\n\nEach case of the development set is imported as its own source "
				+ "(`eval-dev-NNN`), so here a source is a call.\n\n| source | corrections |\n|---|---|\n");
		report.get("bySource")
			.forEach(c -> md.append(f("| `%s` | %d |%n", c.get("key").asString(), c.get("count").asInt())));
		return md.toString();
	}

	private static String markdown(Scorecard s, List<Distribution> corpus, int projects, Instant started,
			long devMillis, long corpusMillis, String timings) {
		StringBuilder md = new StringBuilder();
		md.append("# Calidad de lectura / Reading quality\n\n");
		md.append(f(
				"Written by `./mvnw -Pquality verify` (`QualityReport`) on %s, commit `%s`. "
						+ "Do not edit by hand: run the command again.%n%n",
				started.truncatedTo(ChronoUnit.SECONDS), commit()));
		md.append("Each labelled case of `../shared/evaluation/dev-set.json` is imported as an Atom entry through "
				+ "`POST /api/admin/calls/import`, its Lima project created through `POST /api/projects` and the pair "
				+ "judged by `GET /api/eligibility` on the real application (embedded PostgreSQL, HTTP, admin). "
				+ "Verdicts are recomputed without the `deadline*` reasons (most real calls are past), as "
				+ "`../shared/evaluation/score.py` does; rule ids count for criteria by its prefixes. "
				+ "Cases are named by id only: their texts stay in `../shared/evaluation/`.\n\n");

		md.append("## Development set\n\n");
		md.append("    ").append(s.summaryLine()).append("\n\n");
		md.append("| figure | measured | target (issue 13) |\n|---|---|---|\n");
		row(md, "verdict agreement (listed alternatives accepted)", ratio(s.agreement, s.cases), "≥ 95 %");
		row(md, "exact verdict", ratio(s.exact, s.cases), "");
		row(md, "eligible calls wrongly rejected (NOT_ELIGIBLE)", ratio(s.eligibleWronglyRejected, s.eligible), "0");
		row(md, "decided cases left for review (NEEDS_REVIEW not acceptable)", ratio(s.decidedLeftForReview, s.decided),
				"≤ 10 %");
		row(md, "failing criteria named by a blocking reason", ratio(s.criteriaNamed, s.failingCriteria), "≥ 95 %");
		row(md, "wrong blocking reasons (criterion that does not fail)", String.valueOf(s.wrongBlockingReasons), "0");
		row(md, "NEEDS_REVIEW share", ratio(s.needsReview, s.cases), "");
		row(md, "cases that could not be judged", String.valueOf(s.errors), "0");
		md.append('\n');

		md.append("### Per criterion\n\n| criterion | failing | named | recall | wrong blocking reasons |\n"
				+ "|---|---|---|---|---|\n");
		java.util.Set<String> families = new java.util.TreeSet<>(s.recallByFamily.keySet());
		families.addAll(s.wrongBlockingByFamily.keySet());
		for (String family : families) {
			int[] counts = s.recallByFamily.getOrDefault(family, new int[2]);
			md.append(f("| %s | %d | %d | %s | %d |%n", family, counts[0], counts[1],
					counts[0] == 0 ? "—" : Scorecard.percent(counts[1], counts[0]),
					s.wrongBlockingByFamily.getOrDefault(family, 0)));
		}
		md.append('\n');

		md.append(
				"### Per case\n\n| id | lang | expected (also OK) | got | ok | failing criteria | non-pass reasons |\n"
						+ "|---|---|---|---|---|---|---|\n");
		for (Outcome o : s.outcomes) {
			EvaluationCase c = o.evaluationCase();
			List<String> also = c.acceptable().stream().filter(v -> !v.equals(c.expectedVerdict())).toList();
			md.append(f("| %s | %s | %s%s | %s | %s | %s | %s |%n", c.id(), c.language(), c.expectedVerdict(),
					also.isEmpty() ? "" : " (" + String.join(", ", also) + ")", o.got(), o.ok() ? "ok" : "**BAD**",
					c.failingCriteria().isEmpty() ? "—" : String.join(", ", c.failingCriteria()),
					o.error() != null ? o.error().replace('|', '/') : o.nonPass().isEmpty() ? "—"
							: o.nonPass().stream().map(Object::toString).collect(Collectors.joining(" "))));
		}
		md.append('\n');

		md.append("## Corpus: verdict distribution for Lima\n\n");
		if (corpus.isEmpty()) {
			md.append("`../shared/corpus/` was absent: no distribution measured.\n\n");
		}
		else {
			md.append(f("The feed's calls are judged against each of Lima's %d demo projects "
					+ "(`src/main/resources/demo/lima.yaml`); every file against a *neutral project* that asks "
					+ "nothing unusual (every theme of the demo portfolio, USD 250,000 requested of 500,000, half "
					+ "co-financed, 24 months, es/en), so that Lima's own standing decides. Deadline reasons are left "
					+ "out. A call is *decided for Lima* when no project is left NEEDS_REVIEW. Pairs are (call, "
					+ "project).%n%n", projects));
			md.append("| file | against | calls | decided for Lima | NEEDS_REVIEW for every project | "
					+ "ELIGIBLE for some project | NOT_ELIGIBLE for every project | pairs ELIGIBLE / NEEDS_REVIEW / "
					+ "NOT_ELIGIBLE |\n|---|---|---|---|---|---|---|---|\n");
			for (Distribution d : corpus) {
				md.append(f("| %s | %s | %d | %s | %d | %d | %d | %d / %d / %d |%n", d.name(), d.projects(), d.calls(),
						ratio((int) d.decidedForEveryProject(), d.calls()), d.reviewForEveryProject(),
						d.eligibleForSomeProject(), d.notEligibleForEveryProject(), d.pairs(Scorecard.ELIGIBLE),
						d.pairs(Scorecard.NEEDS_REVIEW), d.pairs(Scorecard.NOT_ELIGIBLE)));
			}
			md.append("\nTarget (issue 13): ≥ 90 % of the feed's U.S. federal calls decided for Lima, by the funder's "
					+ "rule or the call's words. The feed's row against the neutral project measures it: against the "
					+ "demo projects a call is also decided by a project's own mismatch (`theme-*`), and even the "
					+ "neutral project's amount decides some (`requested-*`): the NOT_ELIGIBLE rules below tell "
					+ "which decisions are Lima's standing and which the project's.\n\n");
			md.append("Intake results:\n\n");
			corpus.stream()
				.map(Distribution::intake)
				.distinct()
				.forEach(i -> md.append(f("- `%s` via %s (source `%s`): %s%n", i.file(), i.path(), i.sourceId(),
						i.result().replace('\n', ' '))));
			md.append("\nThe SEDIA and Grants.gov files are not RSS/Atom, which the import endpoint reads, so they go "
					+ "through the crawler: a definition in the crawler folder (`src/test/resources/corpus/"
					+ "eu-grants-feed-derived.yaml`; `crawlers/grants-gov-xml-extract.yaml` read as CSV, without its "
					+ "keep-filter so all records are judged) and the file served on 127.0.0.1.\n\n");
			md.append("Rules most often behind a NEEDS_REVIEW (pairs):\n\n");
			corpus.forEach(d -> md.append(f("- %s, against %s: %s%n", d.name(), d.projects(), top(d.reviewRules()))));
			md.append("\nRules most often behind a NOT_ELIGIBLE (pairs):\n\n");
			corpus.forEach(d -> md.append(f("- %s, against %s: %s%n", d.name(), d.projects(), top(d.blockingRules()))));
			md.append('\n');
		}
		md.append(f(
				"## Run%n%nDevelopment set %.1f s (%s); corpus intake and judgement %.1f s " + "(on 2 shared cores).%n",
				devMillis / 1000.0, timings, corpusMillis / 1000.0));
		return md.toString();
	}

	static final String SIGNAL_START = "<!-- signal: written by SignalReport -->";

	static final String SIGNAL_END = "<!-- /signal -->";

	/**
	 * The sections other reports wrote (SignalReport, ProgrammeReport: each between its
	 * markers {@code <!-- name: written by Report -->} and {@code <!-- /name -->}), kept
	 * as they are when this report is written again; empty before the first.
	 */
	static String keptSections() throws IOException {
		if (!Files.isRegularFile(REPORT)) {
			return "";
		}
		String current = Files.readString(REPORT, StandardCharsets.UTF_8);
		java.util.regex.Matcher section = java.util.regex.Pattern
			.compile("(?s)<!-- ([a-z]+): written by \\w+ -->.*?<!-- /\\1 -->")
			.matcher(current);
		StringBuilder kept = new StringBuilder();
		while (section.find()) {
			kept.append('\n').append(section.group()).append('\n');
		}
		return kept.toString();
	}

	/** Writes (or replaces) SignalReport's section at the end of the report. */
	static synchronized void writeSection(String section) throws IOException {
		String current = Files.isRegularFile(REPORT) ? Files.readString(REPORT, StandardCharsets.UTF_8) : "";
		int start = current.indexOf(SIGNAL_START);
		int end = current.indexOf(SIGNAL_END);
		String rest = start < 0 || end < start ? current
				: current.substring(0, start) + current.substring(end + SIGNAL_END.length());
		String body = rest.stripTrailing() + "\n\n" + SIGNAL_START + "\n" + section.stripTrailing() + "\n" + SIGNAL_END
				+ "\n";
		Files.createDirectories(REPORT.getParent());
		Files.writeString(REPORT, body, StandardCharsets.UTF_8);
	}

	private static String top(Map<String, Integer> rules) {
		String top = rules.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(6)
			.map(e -> "`" + e.getKey() + "` " + e.getValue())
			.collect(Collectors.joining(", "));
		return top.isEmpty() ? "—" : top;
	}

	private static void row(StringBuilder md, String figure, String value, String target) {
		md.append("| ").append(figure).append(" | ").append(value).append(" | ").append(target).append(" |\n");
	}

	private static String ratio(int part, int whole) {
		return part + "/" + whole + " (" + Scorecard.percent(part, whole) + ")";
	}

	private static String f(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	/** The commit measured, "+ local changes" when the work tree differs from it. */
	private static String commit() {
		String head = git("rev-parse", "--short=12", "HEAD");
		String dirty = git("status", "--porcelain", "--untracked-files=no");
		if (head.isEmpty()) {
			return "unknown";
		}
		return head + (dirty.isEmpty() ? "" : " + local changes") + " (" + git("rev-parse", "--abbrev-ref", "HEAD")
				+ ")";
	}

	private static String git(String... args) {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return process.waitFor() == 0 ? out : "";
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

}
