package pe.gob.munlima.convoca.iati;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.ConvocaApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16's IATI import target: a generated IATI 2.03 activity file of at least 200 MB
 * (fixed seed) is read as a stream, then imported into PostgreSQL by {@link IatiImport}
 * (the code every iati source run calls), in a JVM started with a small heap. Reports
 * activities/s, MB/s, the peak heap (sum of the heap pools' peaks, reset after a GC) and
 * that every part read was stored. Test classpath; run by hand (README, "Benchmarks");
 * never part of {@code ./mvnw verify}. Report in {@code target/bench/iati.md}.
 */
public final class IatiImportBenchmark {

	private static final Logger log = LoggerFactory.getLogger(IatiImportBenchmark.class);

	static final long SEED = 16;

	private static final String[] FUNDERS = { "ES-DIR3-E04585801|Ministerio de Asuntos Exteriores y Cooperación",
			"GB-GOV-1|Foreign, Commonwealth &amp; Development Office",
			"US-GOV-1|U.S. Agency for International Development",
			"XI-IATI-EC_INTPA|European Commission - International Partnerships", "XM-DAC-41114|UNDP",
			"XM-DAC-909|Inter-American Development Bank", "JP-8|Japan International Cooperation Agency",
			"KR-GOV-010|Korea International Cooperation Agency", "SE-0|Sweden" };

	private static final String[] COUNTRIES = { "PE", "PE", "PE", "BO", "CO", "EC", "BR", "MX", "GT", "HN", "PY" };

	private static final String[] SECTORS = { "21020", "21012", "14020", "14050", "15110", "15185", "41010", "43030",
			"16040", "12220", "11220", "43060", "22040", "16066", "33210", "31120" };

	private static final String[] PLACES = { "Lima Cercado", "San Juan de Lurigancho", "Villa El Salvador", "Comas",
			"Ate", "Callao", "Arequipa", "Cusco", "Piura", "Iquitos", "Trujillo", "Chiclayo", "Huancayo", "Puno" };

	private static final String[] WORDS_ES = { "movilidad", "sostenible", "agua", "saneamiento", "gestión", "residuos",
			"ciudades", "resiliencia", "gobernanza", "local", "vivienda", "patrimonio", "cultura", "seguridad",
			"ciudadana", "clima", "adaptación", "transporte", "público", "mujeres", "juventud" };

	private static final String[] WORDS_EN = { "sustainable", "mobility", "water", "sanitation", "waste", "cities",
			"resilience", "governance", "local", "housing", "heritage", "culture", "security", "climate", "adaptation",
			"public", "transport", "women", "youth", "programme", "support" };

	private final Map<String, String> report = new LinkedHashMap<>();

	public static void main(String[] args) throws Exception {
		int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		// "read": the streaming reader alone, to run in a tiny heap (-Xmx32m).
		boolean readOnly = args.length > 1 && args[1].equals("read");
		new IatiImportBenchmark().run(megabytes, readOnly);
		System.exit(0);
	}

	private void run(int megabytes, boolean readOnly) throws Exception {
		Path file = Path.of("target", "bench", "iati-activities-" + megabytes + "mb.xml");
		Files.createDirectories(file.getParent());
		long t = System.nanoTime();
		int generated = generate(file, megabytes * 1024L * 1024L, new Random(SEED));
		double size = Files.size(file) / 1024.0 / 1024.0;
		line("Generated file (seed " + SEED + ")", String.format(Locale.ROOT, "%.1f MB, %,d activities (%.1f s)", size,
				generated, (System.nanoTime() - t) / 1e9));
		line("Max heap of this JVM (-Xmx)", (Runtime.getRuntime().maxMemory() >> 20) + " MB");

		// 1. The streaming reader alone.
		System.gc();
		long before = usedHeap();
		resetPeaks();
		t = System.nanoTime();
		IatiReport read;
		try (InputStream in = Files.newInputStream(file)) {
			read = IatiImport.read(in, file.toString());
		}
		double seconds = (System.nanoTime() - t) / 1e9;
		long peak = peakHeap();
		line("Read only (stream, no database)",
				String.format(Locale.ROOT, "%,d activities in %.1f s: **%,.0f activities/s**, %.1f MB/s",
						read.read(IatiReport.ACTIVITIES), seconds, read.read(IatiReport.ACTIVITIES) / seconds,
						size / seconds));
		line("Read only: peak heap", String.format(Locale.ROOT, "%d MB (%d MB before)", peak >> 20, before >> 20));

		if (readOnly) {
			finish(file, "iati-read.md");
			return;
		}
		// 2. The import into PostgreSQL, as a source run does it.
		Path work = Files.createTempDirectory("convoca-iati-bench");
		Files.createDirectories(work.resolve("crawlers"));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ConvocaApplication.class).run(
				"--convoca.embedded-db.data-dir=" + work.resolve("postgres"),
				"--convoca.search.data-dir=" + work.resolve("index"), "--convoca.crawl.dir=" + work.resolve("crawlers"),
				"--convoca.demo.enabled=false", "--server.port=0", "--server.address=127.0.0.1",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
			IatiImport iati = app.getBean(IatiImport.class);
			System.gc();
			before = usedHeap();
			resetPeaks();
			t = System.nanoTime();
			IatiReport stored;
			try (InputStream in = Files.newInputStream(file)) {
				stored = iati.importActivities("benchmark", in, file.toString());
			}
			seconds = (System.nanoTime() - t) / 1e9;
			peak = peakHeap();
			line("Import into PostgreSQL (batches of "
					+ app.getEnvironment().getProperty("convoca.iati.batch-size", "200") + ")",
					String.format(Locale.ROOT, "%,d activities in %.1f s: **%,.0f activities/s**, %.1f MB/s",
							stored.stored(IatiReport.ACTIVITIES), seconds,
							stored.stored(IatiReport.ACTIVITIES) / seconds, size / seconds));
			line("Import: peak heap (whole application)",
					String.format(Locale.ROOT, "%d MB (%d MB before the import)", peak >> 20, before >> 20));
			StringBuilder parts = new StringBuilder();
			for (IatiReport.Count count : stored.counts()) {
				parts.append(String.format(Locale.ROOT, "%s %,d/%,d; ", count.part(), count.read(), count.stored()));
			}
			line("Read/stored per part", parts.toString().strip() + (stored.lossless() ? " — lossless" : " — LOSS"));
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			line("Rows in iati_transaction", String.format(Locale.ROOT, "%,d",
					jdbc.sql("SELECT count(*) FROM iati_transaction").query(Long.class).single()));
			t = System.nanoTime();
			IatiReport again;
			try (InputStream in = Files.newInputStream(file)) {
				again = iati.importActivities("benchmark", in, file.toString());
			}
			seconds = (System.nanoTime() - t) / 1e9;
			line("Re-import of the same file (nothing changed)",
					String.format(Locale.ROOT, "%,d unchanged in %.1f s: %,.0f activities/s", again.unchanged(),
							seconds, again.unchanged() / seconds));
		}
		finish(file, "iati.md");
	}

	private void finish(Path file, String name) throws IOException {
		line("Machine",
				Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version"));
		Path out = Path.of("target", "bench", name);
		StringBuilder table = new StringBuilder("| Measure | Value |\n|---|---|\n");
		this.report.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
		Files.writeString(out, table, StandardCharsets.UTF_8);
		log.warn("\n{}\nWritten to {}", table, out.toAbsolutePath());
		Files.deleteIfExists(file);
	}

	/** Writes IATI 2.03 activities until the file has {@code bytes} bytes. */
	static int generate(Path file, long bytes, Random random) throws IOException {
		int n = 0;
		long written = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\" "
					+ "generated-datetime=\"2026-12-06T00:00:00Z\">\n");
			while (written < bytes) {
				String activity = activity(n++, random);
				out.write(activity);
				written += activity.length();
			}
			out.write("</iati-activities>\n");
		}
		return n;
	}

	private static String activity(int n, Random r) {
		String[] funder = FUNDERS[r.nextInt(FUNDERS.length)].split("\\|");
		String id = funder[0] + "-BENCH-" + n;
		StringBuilder a = new StringBuilder(4096);
		a.append("<iati-activity xml:lang=\"en\" default-currency=\"")
			.append(r.nextBoolean() ? "USD" : "EUR")
			.append("\" last-updated-datetime=\"2026-11-")
			.append(10 + r.nextInt(18))
			.append("T10:00:00Z\" hierarchy=\"1\">\n");
		a.append(" <iati-identifier>").append(id).append("</iati-identifier>\n");
		a.append(" <reporting-org ref=\"")
			.append(funder[0])
			.append("\" type=\"10\"><narrative>")
			.append(funder[1])
			.append("</narrative></reporting-org>\n");
		a.append(" <title><narrative>")
			.append(words(WORDS_EN, 6, r))
			.append("</narrative><narrative xml:lang=\"es\">")
			.append(words(WORDS_ES, 6, r))
			.append("</narrative></title>\n");
		a.append(" <description type=\"1\"><narrative>")
			.append(words(WORDS_EN, 60, r))
			.append("</narrative><narrative xml:lang=\"es\">")
			.append(words(WORDS_ES, 60, r))
			.append("</narrative></description>\n");
		a.append(" <participating-org ref=\"")
			.append(funder[0])
			.append("\" role=\"1\" type=\"10\"><narrative>")
			.append(funder[1])
			.append("</narrative></participating-org>\n");
		a.append(" <participating-org role=\"4\" type=\"11\"><narrative>Municipalidad ")
			.append(PLACES[r.nextInt(PLACES.length)])
			.append("</narrative></participating-org>\n");
		a.append(" <activity-status code=\"").append(1 + r.nextInt(6)).append("\"/>\n");
		LocalDate start = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(3000));
		a.append(" <activity-date type=\"1\" iso-date=\"").append(start).append("\"/>\n");
		a.append(" <activity-date type=\"3\" iso-date=\"")
			.append(start.plusMonths(12 + r.nextInt(48)))
			.append("\"/>\n");
		a.append(" <recipient-country code=\"")
			.append(COUNTRIES[r.nextInt(COUNTRIES.length)])
			.append("\" percentage=\"100\"/>\n");
		int sectors = 1 + r.nextInt(3);
		for (int i = 0; i < sectors; i++) {
			a.append(" <sector vocabulary=\"1\" code=\"")
				.append(SECTORS[r.nextInt(SECTORS.length)])
				.append("\" percentage=\"")
				.append(i == 0 ? 100 - 10 * (sectors - 1) : 10)
				.append("\"/>\n");
		}
		int locations = r.nextInt(4);
		for (int i = 0; i < locations; i++) {
			a.append(" <location><name><narrative>")
				.append(PLACES[r.nextInt(PLACES.length)])
				.append("</narrative></name><administrative vocabulary=\"G1\" level=\"2\" code=\"")
				.append(3_900_000 + r.nextInt(100_000))
				.append("\"/><point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><pos>")
				.append(String.format(Locale.ROOT, "%.4f %.4f", -18 + r.nextDouble() * 15, -81 + r.nextDouble() * 12))
				.append("</pos></point></location>\n");
		}
		for (int year = 0; year < 2; year++) {
			LocalDate from = start.plusYears(year);
			a.append(" <budget type=\"1\" status=\"1\"><period-start iso-date=\"")
				.append(from)
				.append("\"/><period-end iso-date=\"")
				.append(from.plusYears(1).minusDays(1))
				.append("\"/><value value-date=\"")
				.append(from)
				.append("\">")
				.append(10_000 + r.nextInt(2_000_000))
				.append("</value></budget>\n");
		}
		int transactions = 3 + r.nextInt(15);
		for (int i = 0; i < transactions; i++) {
			LocalDate date = start.plusDays(30L * i);
			a.append(" <transaction><transaction-type code=\"")
				.append(i == 0 ? 2 : 3 + r.nextInt(2))
				.append("\"/><transaction-date iso-date=\"")
				.append(date)
				.append("\"/><value value-date=\"")
				.append(date)
				.append("\">")
				.append(1_000 + r.nextInt(500_000))
				.append("</value><receiver-org><narrative>Municipalidad ")
				.append(PLACES[r.nextInt(PLACES.length)])
				.append("</narrative></receiver-org></transaction>\n");
		}
		a.append(" <policy-marker vocabulary=\"1\" code=\"1\" significance=\"1\"/>\n");
		a.append("</iati-activity>\n");
		return a.toString();
	}

	private static String words(String[] words, int count, Random r) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(i == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
		}
		return text.toString();
	}

	private void line(String measure, String value) {
		this.report.put(measure, value);
		log.warn("{}: {}", measure, value);
	}

	private static long usedHeap() {
		return heap(pool -> pool.getUsage().getUsed());
	}

	private static long peakHeap() {
		return heap(pool -> pool.getPeakUsage().getUsed());
	}

	private static long heap(java.util.function.ToLongFunction<MemoryPoolMXBean> used) {
		List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
		return pools.stream().filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(used).sum();
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

}
