package pe.gob.munlima.convoca.match;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.ConvocaApplication;
import pe.gob.munlima.convoca.call.Correction;
import pe.gob.munlima.convoca.call.Corrections;
import pe.gob.munlima.convoca.search.BenchmarkCalls;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The correction benchmark of issue 17 — not a test (README, "Benchmarks"):
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=pe.gob.munlima.convoca.match.CorrectionBenchmark -Dexec.args="1000 20"
 * </pre>
 *
 * Arguments: projects (1,000), corrections timed (20). Starts the application with a
 * temporary embedded PostgreSQL and index and the demo data, adds that many projects of
 * the Gerencia de Movilidad Urbana (all candidates for a mobility call), imports one
 * mobility call that does not say who may apply, and times {@link Corrections#correct}:
 * from the office's answer to every verdict of the call judged again and stored (the
 * matcher runs once the correction commits, before the answer returns). The corrections
 * alternate between two readings of who may apply, so every one of them moves every
 * verdict. Writes target/bench/correction.md.
 */
public final class CorrectionBenchmark {

	private static final Logger log = LoggerFactory.getLogger(CorrectionBenchmark.class);

	private final Map<String, String> report = new LinkedHashMap<>();

	public static void main(String[] args) throws Exception {
		int projects = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		new CorrectionBenchmark().run(projects, rounds);
		System.exit(0);
	}

	private void run(int projectCount, int rounds) throws Exception {
		Path work = Files.createTempDirectory("convoca-correction");
		Files.createDirectories(work.resolve("crawlers"));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ConvocaApplication.class).run(
				"--convoca.embedded-db.data-dir=" + work.resolve("postgres"),
				"--convoca.search.data-dir=" + work.resolve("index"), "--convoca.crawl.dir=" + work.resolve("crawlers"),
				"--convoca.clock.fixed=" + BenchmarkCalls.NOW, "--server.port=0", "--server.address=127.0.0.1",
				"--convoca.security.admin.password=" + Api.ADMIN_PASSWORD, "--spring.main.banner-mode=off",
				"--logging.level.root=WARN")) {
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			long started = System.nanoTime();
			// Written straight into the table: through the API each new project is judged
			// against every open call, which is not what is measured here.
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			for (int i = 0; i < projectCount; i++) {
				jdbc.sql(
						"INSERT INTO project (code, gerencia_id, title, description, themes, budget, requested_amount, "
								+ "currency, co_financing_available, duration_months, status, partners, languages) "
								+ "SELECT ?, id, ?, ?, ARRAY['mobility', 'climate'], ?, 150000, 'USD', 50000, 24, 'ACTIVE', "
								+ "ARRAY[]::text[], ARRAY['es'] FROM gerencia WHERE code = 'GMU'")
					.params(String.format(Locale.ROOT, "BENCH-%05d", i), "Corredor de movilidad sostenible " + i,
							"Ciclovías, buses eléctricos y calles seguras para el distrito " + i + ".", 400_000 + i)
					.update();
			}
			line("Projects added", String.format(Locale.ROOT, "%,d of the GMU (%.1f s)", projectCount,
					(System.nanoTime() - started) / 1e9));
			long call = api.importCall("bench-correction", "Fondo de movilidad urbana sostenible y ciclovías",
					"Financiamiento no reembolsable para movilidad urbana sostenible, ciclovías y buses eléctricos en "
							+ "ciudades de América Latina y el Caribe. Monto máximo: USD 2.000.000 por proyecto. "
							+ "Fecha límite: 15 de marzo de 2027.");
			Corrections corrections = app.getBean(Corrections.class);
			double[] millis = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				List<String> types = round % 2 == 0 ? List.of("LOCAL_GOVERNMENT", "NGO") : List.of("NGO");
				long t = System.nanoTime();
				corrections.correct(call, Map.of("applicantTypes", types), "Bases", null, "benchmark",
						Correction.Origin.API);
				millis[round] = (System.nanoTime() - t) / 1e6;
			}
			int verdicts = app.getBean(Matches.class).ofCalls(List.of(call)).size();
			Arrays.sort(millis);
			line("Verdicts of the call judged again and stored per correction",
					String.format(Locale.ROOT, "%,d", verdicts));
			line("Correction → every verdict stored (wall, " + rounds + " corrections)",
					String.format(Locale.ROOT, "p50 %.0f ms, max %.0f ms", millis[rounds / 2], millis[rounds - 1]));
			line("Machine",
					Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version"));
		}
		Path out = Path.of("target", "bench", "correction.md");
		Files.createDirectories(out.getParent());
		StringBuilder table = new StringBuilder("| Measure | Value |\n|---|---|\n");
		this.report.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
		Files.writeString(out, table, StandardCharsets.UTF_8);
		log.warn("\n{}\nWritten to {}", table, out.toAbsolutePath());
	}

	private void line(String measure, String value) {
		this.report.put(measure, value);
	}

}
