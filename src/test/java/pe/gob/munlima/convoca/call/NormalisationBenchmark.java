package pe.gob.munlima.convoca.call;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The normalisation benchmark of issue 3 (not a test: run it with the command in README's
 * "Benchmarks" section). It normalises every text-bearing record of ../shared/corpus
 * (about 1,700 calls from 8 sources: structured fields and their texts) and a seeded
 * synthetic set of calls in Spanish, English, French and Portuguese with deadlines,
 * amounts and eligibility sentences, on one thread and on two, and reports calls per
 * second after a warm-up, plus the peak heap. Nothing is stored: this is the cost of
 * {@link CallNormaliser} alone (dates, money, language with OpenNLP, vocabulary facts).
 * Results go to the log and to target/bench/normalisation.md.
 */
public final class NormalisationBenchmark {

	private static final Logger log = LoggerFactory.getLogger(NormalisationBenchmark.class);

	private static final String[][] TEMPLATES = { { "es", "Convocatoria %d para ciudades sostenibles",
			"<p>Subvenciones no reembolsables para proyectos de movilidad urbana y gestión de residuos.</p>"
					+ "<p>Pueden postular municipalidades y gobiernos locales de América Latina y el Caribe.</p>"
					+ "<p>Aporte de hasta US$ %d por proyecto. Se exige un cofinanciamiento del 20 %%.</p>"
					+ "<p>Fecha límite: %d de marzo de 2027 a las 17:00 hora de Lima.</p>" },
			{ "en", "Call %d: resilient cities fund",
					"<p>Grants for climate adaptation and disaster risk reduction in cities.</p>"
							+ "<p>Eligible applicants: local governments and NGOs from developing countries.</p>"
							+ "<p>Awards of up to EUR %d. Projects may run for up to 24 months.</p>"
							+ "<p>Deadline: March %d, 2027 17:00 CET.</p>" },
			{ "fr", "Appel à propositions %d pour les villes",
					"<p>Subventions pour la mobilité urbaine et le patrimoine culturel.</p>"
							+ "<p>Les collectivités locales d'Amérique latine peuvent candidater.</p>"
							+ "<p>Montant maximal de %d EUR par projet.</p><p>Date limite : %d mars 2027.</p>" },
			{ "pt", "Chamada %d para cidades",
					"<p>Doações para mobilidade urbana e meio ambiente.</p>"
							+ "<p>Podem se candidatar prefeituras e governos locais da América Latina.</p>"
							+ "<p>Apoio de até R$ %d por projeto.</p><p>Prazo: %d de março de 2027.</p>" } };

	private NormalisationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int synthetic = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		CallNormaliser normaliser = new CallNormaliser(Vocabulary.load(Path.of("reading", "vocabulary.yaml")),
				SourceCodes.load(Path.of("reading", "codes.yaml")), new LanguageDetector(), Clock.systemUTC());
		List<Item> corpus = new ArrayList<>();
		if (CorpusRecords.present()) {
			for (CorpusRecords.Batch batch : CorpusRecords.all()) {
				batch.calls().forEach(call -> corpus.add(new Item(batch.source(), call)));
			}
		}
		List<Item> generated = synthetic(synthetic, new Random(42));
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "# Normalisation benchmark%n%n"))
			.append(String.format(Locale.ROOT, "- cores: %d, max heap: %d MB, java %s%n",
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
					System.getProperty("java.version")))
			.append(String.format(Locale.ROOT, "- rounds: %d after %d warm-up rounds%n%n", rounds, 2))
			.append("| set | calls | threads | calls/s (median of rounds) | µs/call |\n|---|---|---|---|---|\n");
		Map<String, List<Item>> sets = new LinkedHashMap<>();
		sets.put("corpus", corpus);
		sets.put("synthetic", generated);
		for (var set : sets.entrySet()) {
			if (set.getValue().isEmpty()) {
				continue;
			}
			for (int threads : new int[] { 1, 2 }) {
				double perSecond = measure(normaliser, set.getValue(), threads, rounds);
				report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f |%n", set.getKey(),
						set.getValue().size(), threads, perSecond, 1_000_000 / perSecond * threads));
			}
		}
		report.append(String.format(Locale.ROOT, "%nPeak heap (sum of heap pools): %d MB%n", peakHeapMb()));
		log.info("\n{}", report);
		Path out = Path.of("target", "bench", "normalisation.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report, StandardCharsets.UTF_8);
	}

	/** Median calls per second over the rounds, after two warm-up rounds. */
	private static double measure(CallNormaliser normaliser, List<Item> items, int threads, int rounds)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			double[] rates = new double[rounds];
			for (int round = -2; round < rounds; round++) {
				long started = System.nanoTime();
				List<Future<Integer>> parts = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					int from = items.size() * t / threads;
					int to = items.size() * (t + 1) / threads;
					parts.add(pool.submit(() -> normaliseAll(normaliser, items.subList(from, to))));
				}
				int done = 0;
				for (Future<Integer> part : parts) {
					done += part.get();
				}
				double seconds = (System.nanoTime() - started) / 1e9;
				if (round >= 0) {
					rates[round] = done / seconds;
				}
			}
			java.util.Arrays.sort(rates);
			return rates[rounds / 2];
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static int normaliseAll(CallNormaliser normaliser, List<Item> items) {
		int done = 0;
		for (Item item : items) {
			try {
				normaliser.normalise(item.source(), item.raw());
				done++;
			}
			catch (RuntimeException ex) {
				// An item without a title is refused, as in intake; it still costs its
				// time.
				done++;
			}
		}
		return done;
	}

	private static List<Item> synthetic(int count, Random random) {
		List<Item> items = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String[] template = TEMPLATES[i % TEMPLATES.length];
			SourceInfo source = new SourceInfo("bench-" + template[0], "Fondo " + template[0],
					random.nextInt(3) == 0 ? template[0] : null, ZoneId.of("America/Lima"));
			String html = String.format(Locale.ROOT, template[2], 10_000 + random.nextInt(900_000),
					1 + random.nextInt(28));
			items.add(new Item(source, new RawCall("b" + i, String.format(Locale.ROOT, template[1], i),
					"https://funder.example/" + i, html, null)));
		}
		return items;
	}

	private static long peakHeapMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak >> 20;
	}

	private record Item(SourceInfo source, RawCall raw) {
	}

}
