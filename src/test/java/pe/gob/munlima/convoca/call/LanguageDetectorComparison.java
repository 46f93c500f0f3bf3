package pe.gob.munlima.convoca.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The language-detector comparison of issue 15 (not a test: run it with the command in
 * README's "Benchmarks" section). It asks {@link LanguageDetector} (OpenNLP) and Lingua,
 * configured as Convoca used it until then (the four languages, low-accuracy mode,
 * minimum relative distance 0.05, same sample and letter floor), for the language of the
 * same real texts, read in place from the shared folder and never copied: the 44
 * hand-labelled calls of ../shared/evaluation/dev-set.json whole and line by line, the
 * narratives of ../shared/corpus's IATI files that carry an xml:lang, and the paragraphs
 * of the GBIF call pages in English and Spanish. For each it reports right, unknown and
 * wrong answers per language and per set, the megabytes it adds to the jar, the time of
 * its first answer (the model's load) and of the rest. Report in
 * target/bench/languages.md.
 */
public final class LanguageDetectorComparison {

	private static final Logger log = LoggerFactory.getLogger(LanguageDetectorComparison.class);

	private static final Path EVALUATION = Path.of("..", "shared", "evaluation", "dev-set.json");

	private static final List<String> LANGUAGES = List.of("es", "en", "fr", "pt");

	/** A line or paragraph shorter than this is a heading or a label, not a text. */
	private static final int MIN_LETTERS = 30;

	private static final Pattern MARKDOWN = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)|[*_#>`|]+|^\\s*[-+\\d.]+\\s");

	private LanguageDetectorComparison() {
	}

	public static void main(String[] args) throws Exception {
		List<Sample> samples = new ArrayList<>();
		samples.addAll(devSet());
		samples.addAll(iatiNarratives());
		samples.addAll(gbifParagraphs());
		// IATI repeats its labels in every activity; each distinct text counts once
		samples = List.copyOf(new LinkedHashSet<>(samples));
		if (samples.isEmpty()) {
			log.warn("No texts: ../shared/evaluation and ../shared/corpus are missing");
			return;
		}
		LanguageDetector opennlp = new LanguageDetector();
		com.github.pemistahl.lingua.api.LanguageDetector lingua = LanguageDetectorBuilder
			.fromLanguages(Language.SPANISH, Language.ENGLISH, Language.FRENCH, Language.PORTUGUESE)
			.withLowAccuracyMode()
			.withMinimumRelativeDistance(0.05)
			.build();
		Map<Language, String> linguaCodes = Map.of(Language.SPANISH, "es", Language.ENGLISH, "en", Language.FRENCH,
				"fr", Language.PORTUGUESE, "pt");
		Candidate open = new Candidate("OpenNLP langdetect-183 cut to es/en/fr/pt (opennlp-tools 2.5)", opennlp::detect,
				jars(opennlp.tools.langdetect.LanguageDetectorME.class) + resource(LanguageDetector.MODEL));
		Candidate published = new Candidate("OpenNLP langdetect-183 as published (opennlp-models-langdetect 1.3.0)",
				new Function<String, String>() {

					private LanguageDetector detector;

					@Override
					public String apply(String text) {
						// read on the first answer, like the shipped model, so both are
						// timed alike
						if (this.detector == null) {
							try {
								this.detector = new LanguageDetector(LanguageModelPruning.full(),
										LanguageDetector.MIN_MARGIN);
							}
							catch (IOException ex) {
								throw new UncheckedIOException(ex);
							}
						}
						return this.detector.detect(text);
					}

				}, jars(opennlp.tools.langdetect.LanguageDetectorME.class,
						LanguageModelPruning.class.getResource("/langdetect-183.bin")));
		Candidate ling = new Candidate("Lingua 1.2.2, low accuracy", text -> {
			String sample = text.length() > LanguageDetector.SAMPLE ? text.substring(0, LanguageDetector.SAMPLE) : text;
			if (sample.codePoints().filter(Character::isLetter).count() < 12) {
				return null;
			}
			return linguaCodes.get(lingua.detectLanguageOf(sample));
		}, jars(Language.class, it.unimi.dsi.fastutil.objects.Object2FloatOpenHashMap.class, kotlin.Unit.class,
				kotlin.reflect.full.KClasses.class, com.squareup.moshi.Moshi.class,
				com.squareup.moshi.kotlin.reflect.KotlinJsonAdapterFactory.class, okio.Buffer.class,
				org.jetbrains.annotations.NotNull.class));
		StringBuilder report = new StringBuilder();
		report.append("# Language detectors on the shared texts\n\n");
		report.append(String.format(Locale.ROOT, "%d texts: %s%n%n", samples.size(), counts(samples)));
		for (Candidate candidate : List.of(open, published, ling)) {
			candidate.run(samples);
		}
		report.append(
				"| detector | jar MB | model heap MB | first answer ms | then µs/text | right | unknown | wrong | accuracy | "
						+ "accuracy per jar MB |\n|---|---|---|---|---|---|---|---|---|---|\n");
		for (Candidate candidate : List.of(open, published, ling)) {
			Tally all = candidate.tally(sample -> true);
			report.append(String.format(Locale.ROOT,
					"| %s | %.1f | %.0f | %d | %.0f | %d | %d | %d | %.1f %% | %.2f |%n", candidate.name,
					candidate.megabytes, candidate.heapMegabytes, candidate.firstMillis, candidate.microsPerText,
					all.right, all.unknown, all.wrong, all.accuracy(), all.accuracy() / candidate.megabytes));
		}
		Set<String> sets = new LinkedHashSet<>();
		samples.forEach(sample -> sets.add(sample.set));
		report.append("\n## Accuracy per set and language (right / unknown / wrong of n)\n\n| set | language | n |");
		for (Candidate candidate : List.of(open, ling)) {
			report.append(' ').append(candidate.name).append(" |");
		}
		report.append("\n|---|---|---|---|---|\n");
		for (String set : sets) {
			for (String language : LANGUAGES) {
				long n = samples.stream().filter(s -> s.set.equals(set) && s.language.equals(language)).count();
				if (n == 0) {
					continue;
				}
				report.append(String.format(Locale.ROOT, "| %s | %s | %d |", set, language, n));
				for (Candidate candidate : List.of(open, ling)) {
					Tally tally = candidate.tally(s -> s.set.equals(set) && s.language.equals(language));
					report.append(String.format(Locale.ROOT, " %.1f %% (%d / %d / %d) |", tally.accuracy(), tally.right,
							tally.unknown, tally.wrong));
				}
				report.append('\n');
			}
		}
		report.append("\n## Where they disagree\n\n");
		int shown = 0;
		for (int i = 0; i < samples.size() && shown < 40; i++) {
			String a = open.answers.get(i);
			String b = ling.answers.get(i);
			if (a == null ? b != null : !a.equals(b)) {
				Sample sample = samples.get(i);
				String text = sample.text.replaceAll("\\s+", " ");
				report.append(String.format(Locale.ROOT, "- %s, %s: OpenNLP %s, Lingua %s — %s%n", sample.set,
						sample.language, a, b, text.length() > 90 ? text.substring(0, 90) + "…" : text));
				shown++;
			}
		}
		report.append("\n## OpenNLP by the margin its best language needs over the second\n\n"
				+ "| margin | right | unknown | wrong | accuracy |\n|---|---|---|---|---|\n");
		for (double margin : new double[] { 0, 0.02, 0.03, 0.04, 0.05, 0.1, 0.2 }) {
			Candidate candidate = new Candidate("margin", new LanguageDetector(null, margin)::detect, open.megabytes);
			candidate.run(samples);
			Tally all = candidate.tally(sample -> true);
			report.append(String.format(Locale.ROOT, "| %.2f%s | %d | %d | %d | %.1f %% |%n", margin,
					margin == LanguageDetector.MIN_MARGIN ? " (Convoca)" : "", all.right, all.unknown, all.wrong,
					all.accuracy()));
		}
		log.info("\n{}", report);
		Path out = Path.of("target", "bench", "languages.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report, StandardCharsets.UTF_8);
	}

	private static String counts(List<Sample> samples) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		LANGUAGES.forEach(language -> counts.put(language, 0));
		samples.forEach(sample -> counts.merge(sample.language, 1, Integer::sum));
		return counts.toString();
	}

	/**
	 * The hand-labelled calls, whole (as the normaliser sees a summary) and line by line.
	 */
	private static List<Sample> devSet() throws IOException {
		if (!Files.isRegularFile(EVALUATION)) {
			return List.of();
		}
		List<Sample> samples = new ArrayList<>();
		for (JsonNode call : JsonMapper.builder().build().readTree(EVALUATION.toFile())) {
			String language = call.path("language").asString();
			String text = call.path("text").asString();
			if (!LANGUAGES.contains(language)) {
				continue;
			}
			samples.add(new Sample("dev-set calls", language, text));
			for (String line : text.split("\n")) {
				if (letters(line) >= MIN_LETTERS) {
					samples.add(new Sample("dev-set lines", language, line.strip()));
				}
			}
		}
		return samples;
	}

	/**
	 * IATI narratives whose xml:lang names one of the four (the publisher's own label).
	 */
	private static List<Sample> iatiNarratives() throws Exception {
		List<Sample> samples = new ArrayList<>();
		for (String folder : List.of("iati-activities", "iati-codelists")) {
			Path dir = CorpusRecords.CORPUS.resolve(folder);
			if (!Files.isDirectory(dir)) {
				continue;
			}
			List<Path> files;
			try (Stream<Path> list = Files.list(dir)) {
				files = list.filter(path -> path.toString().endsWith(".xml")).sorted().toList();
			}
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			for (Path file : files) {
				NodeList narratives = factory.newDocumentBuilder()
					.parse(file.toFile())
					.getElementsByTagName("narrative");
				for (int i = 0; i < narratives.getLength(); i++) {
					Element narrative = (Element) narratives.item(i);
					String language = narrative.getAttribute("xml:lang").toLowerCase(Locale.ROOT);
					String text = narrative.getTextContent().strip();
					if (LANGUAGES.contains(language) && letters(text) >= MIN_LETTERS) {
						samples.add(new Sample("IATI narratives", language, text));
					}
				}
			}
		}
		return samples;
	}

	/** Paragraphs of the GBIF call pages, whose file names say en or es. */
	private static List<Sample> gbifParagraphs() throws IOException {
		Path dir = CorpusRecords.CORPUS.resolve("gbif-bid-call-pages-md");
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<Sample> samples = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> list = Files.list(dir)) {
			files = list.filter(path -> path.toString().endsWith(".md")).sorted().toList();
		}
		for (Path file : files) {
			String name = file.getFileName().toString();
			String language = name.substring(name.length() - 5, name.length() - 3);
			String body = Files.readString(file, StandardCharsets.UTF_8);
			if (body.startsWith("---")) {
				int end = body.indexOf("\n---", 3);
				body = end < 0 ? body : body.substring(end + 4);
			}
			for (String paragraph : body.split("\\n\\s*\\n")) {
				String text = MARKDOWN.matcher(paragraph).replaceAll("$1").strip();
				if (letters(text) >= MIN_LETTERS) {
					samples.add(new Sample("GBIF paragraphs", language, text));
				}
			}
		}
		return samples;
	}

	private static long letters(String text) {
		return text.codePoints().filter(Character::isLetter).count();
	}

	/** A resource's own size, in MB. */
	private static double resource(String name) throws IOException {
		try (var in = LanguageDetector.class.getResourceAsStream(name)) {
			return in.readAllBytes().length / 1_000_000.0;
		}
	}

	/** The distinct jar files that hold these classes and resources, in MB. */
	private static double jars(Object... holders) throws URISyntaxException, IOException {
		Set<Path> files = new LinkedHashSet<>();
		for (Object holder : holders) {
			URL url = holder instanceof Class<?> type ? type.getProtectionDomain().getCodeSource().getLocation()
					: (URL) holder;
			String location = url.toString();
			if (location.startsWith("jar:")) {
				location = location.substring(4, location.indexOf("!/"));
			}
			files.add(Path.of(new URL(location).toURI()));
		}
		long bytes = 0;
		for (Path file : files) {
			bytes += Files.size(file);
		}
		return bytes / 1_000_000.0;
	}

	private static long heapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private record Sample(String set, String language, String text) {
	}

	private record Tally(int right, int unknown, int wrong) {

		double accuracy() {
			int n = this.right + this.unknown + this.wrong;
			return n == 0 ? 0 : 100.0 * this.right / n;
		}

	}

	private static final class Candidate {

		final String name;

		final Function<String, String> detector;

		final double megabytes;

		final List<String> answers = new ArrayList<>();

		final List<Sample> asked = new ArrayList<>();

		long firstMillis;

		/** Heap the loaded models hold (used heap after a GC, after minus before). */
		double heapMegabytes;

		double microsPerText;

		Candidate(String name, Function<String, String> detector, double megabytes) {
			this.name = name;
			this.detector = detector;
			this.megabytes = megabytes;
		}

		void run(List<Sample> samples) {
			long heapBefore = heapAfterGc();
			long start = System.nanoTime();
			this.detector.apply(samples.get(0).text);
			this.firstMillis = (System.nanoTime() - start) / 1_000_000;
			this.heapMegabytes = (heapAfterGc() - heapBefore) / 1_000_000.0;
			// one warm-up round, then the measured one that gives the answers
			samples.forEach(sample -> this.detector.apply(sample.text));
			start = System.nanoTime();
			for (Sample sample : samples) {
				this.answers.add(this.detector.apply(sample.text));
				this.asked.add(sample);
			}
			this.microsPerText = (System.nanoTime() - start) / 1000.0 / samples.size();
		}

		Tally tally(java.util.function.Predicate<Sample> which) {
			int right = 0;
			int unknown = 0;
			int wrong = 0;
			for (int i = 0; i < this.asked.size(); i++) {
				Sample sample = this.asked.get(i);
				if (!which.test(sample)) {
					continue;
				}
				String answer = this.answers.get(i);
				if (answer == null) {
					unknown++;
				}
				else if (answer.equals(sample.language)) {
					right++;
				}
				else {
					wrong++;
				}
			}
			return new Tally(right, unknown, wrong);
		}

	}

}
