package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallPreview;
import pe.gob.munlima.convoca.call.RawCall;

/**
 * Crawling benchmark (issue 3), not a test: run by hand, see README "Benchmarks".
 * <ol>
 * <li>Extraction + normalisation over the real corpus: every file of ../shared/corpus
 * read by the extractor of its kind (as {@link CorpusExtractionTests} does) and every
 * call normalised by the call module's public {@link CallPreview#of} with
 * reading/vocabulary.yaml; calls per second on one thread and on two (files in parallel),
 * and extraction alone.</li>
 * <li>A 1,000-page crawl of a local server on loopback (100 listing pages of 9 calls,
 * each with a detail page) with politeness off, through the real fetcher and
 * crawler.</li>
 * </ol>
 * Peak heap is the sum of the heap pools' peaks, reset before each part. Writes
 * target/bench/crawl.md. Arguments: rounds of the corpus part (default 5).
 */
final class CrawlBenchmark {

	private static final Logger log = LoggerFactory.getLogger(CrawlBenchmark.class);

	private static final Path VOCABULARY = Path.of("reading", "vocabulary.yaml");

	private final Extractors extractors = new Extractors();

	private final CorpusSources sources = new CorpusSources(this.extractors);

	private final StringBuilder report = new StringBuilder();

	public static void main(String[] args) throws Exception {
		// The JDK's test HTTP server otherwise waits for delayed ACKs (about 40 ms a
		// request
		// on Linux), which would measure the server, not the crawler.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		new CrawlBenchmark().run(rounds);
	}

	private void run(int rounds) throws Exception {
		line("# Crawl benchmark (issue 3)");
		line("");
		line("JVM " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
				+ " processors, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
		line("");
		corpus(rounds);
		crawl();
		Path out = Path.of("target", "bench", "crawl.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, this.report, StandardCharsets.UTF_8);
		log.info("Report written to {}", out.toAbsolutePath());
	}

	private void corpus(int rounds) throws Exception {
		List<Path> files = corpusFiles();
		// Warm-up: class loading, JIT, the vocabulary.
		extractAndNormalise(files, 1);
		line("## Extraction + normalisation over ../shared/corpus (" + files.size() + " files)");
		line("");
		line("| threads | phase | calls per round | best round (ms) | calls/s | peak heap (MB) |");
		line("|---|---|---|---|---|---|");
		for (int threads : new int[] { 1, 2 }) {
			measure(files, rounds, threads, false);
			measure(files, rounds, threads, true);
		}
		line("");
	}

	private void measure(List<Path> files, int rounds, int threads, boolean normalise) throws Exception {
		resetPeaks();
		long best = Long.MAX_VALUE;
		int calls = 0;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < rounds; round++) {
				long start = System.nanoTime();
				List<Future<Integer>> done = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					int slice = t;
					done.add(pool.submit(() -> {
						List<Path> mine = new ArrayList<>();
						for (int i = slice; i < files.size(); i += threads) {
							mine.add(files.get(i));
						}
						return normalise ? extractAndNormalise(mine, 1) : extractOnly(mine);
					}));
				}
				int total = 0;
				for (Future<Integer> future : done) {
					total += future.get();
				}
				best = Math.min(best, System.nanoTime() - start);
				calls = total;
			}
		}
		finally {
			pool.shutdown();
		}
		double seconds = best / 1e9;
		line(String.format(Locale.ROOT, "| %d | %s | %d | %.0f | %.0f | %d |", threads,
				normalise ? "extract + normalise" : "extract only", calls, best / 1e6, calls / seconds, peakHeapMb()));
	}

	private int extractOnly(List<Path> files) throws IOException {
		int calls = 0;
		for (Path file : files) {
			calls += this.sources.extract(this.sources.definitionFor(file), file).calls().size();
		}
		return calls;
	}

	/**
	 * Calls are normalised in one batch per definition: the public API loads the
	 * vocabulary once per batch, as a crawl run does once per page.
	 */
	private int extractAndNormalise(List<Path> files, int times) throws IOException {
		int calls = 0;
		for (int i = 0; i < times; i++) {
			Map<String, List<RawCall>> byDefinition = new LinkedHashMap<>();
			Map<String, SourceDefinition> definitions = new LinkedHashMap<>();
			for (Path file : files) {
				SourceDefinition definition = this.sources.definitionFor(file);
				definitions.put(definition.id(), definition);
				byDefinition.computeIfAbsent(definition.id(), id -> new ArrayList<>())
					.addAll(this.sources.extract(definition, file).calls());
			}
			for (Map.Entry<String, List<RawCall>> batch : byDefinition.entrySet()) {
				calls += CallPreview
					.of(VOCABULARY, CrawlService.info(definitions.get(batch.getKey())), batch.getValue())
					.size();
			}
		}
		return calls;
	}

	private static List<Path> corpusFiles() throws IOException {
		try (Stream<Path> all = Files.walk(CorpusSources.CORPUS)) {
			return all.filter(Files::isRegularFile)
				.filter(f -> !f.getFileName().toString().equals("MANIFEST.md"))
				.filter(f -> !f.getFileName().toString().equals("SHA256SUMS"))
				.filter(f -> !f.getFileName().toString().equals("ies_sample.js"))
				.sorted()
				.toList();
		}
	}

	private void crawl() throws Exception {
		int listingPages = 100;
		int perPage = 9;
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		AtomicInteger served = new AtomicInteger();
		server.createContext("/", exchange -> {
			served.incrementAndGet();
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getRawQuery();
			String body;
			if (path.equals("/convocatorias")) {
				int page = Integer.parseInt(query.substring(query.indexOf('=') + 1));
				body = page <= listingPages ? listing(page, perPage) : "<html><body></body></html>";
			}
			else if (path.startsWith("/convocatoria/")) {
				body = detail(path.substring("/convocatoria/".length()));
			}
			else {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		ExecutorService serverThreads = Executors.newFixedThreadPool(2);
		server.setExecutor(serverThreads);
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			SourceDefinition source = tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readValue("""
					id: bench
					funder: Fondo de prueba
					kind: html
					url: BASE/convocatorias?pagina=${page}
					pagination: {start: 1, size: 9, maxPages: 200}
					items: div.convocatoria
					fields: {title: h3 a, link: h3 a@href, published: time@datetime}
					detail:
					  fields:
					    summary: {from: div.texto, markup: true}
					    deadline: {from: div.texto p, all: true, pattern: 'hasta el (\\d+ de \\w+ de \\d{4})'}
					    amount: {from: div.texto p, all: true, pattern: '(EUR [\\d.]+)'}
					    applicantTypes: {from: ul.beneficiarios li, all: true}
					language: es
					schedule: {cron: "0 0 6 * * ?"}
					""".replace("BASE", base), SourceDefinition.class);
			CrawlProperties properties = new CrawlProperties(Path.of("crawlers"), "ConvocaBot/bench",
					Duration.ofSeconds(5), Duration.ofSeconds(10), 5L * 1024 * 1024, true, Duration.ZERO,
					Duration.ofMillis(10), Duration.ZERO);
			SourceCrawler crawler = new SourceCrawler(new Fetcher(properties, new NoStates(), Clock.systemUTC()),
					this.extractors, Clock.systemUTC());
			// Warm-up crawl, then the measured one.
			crawler.crawl(source, false, new CrawlProgress(), calls -> {
			});
			resetPeaks();
			CrawlProgress progress = new CrawlProgress();
			List<RawCall> calls = new ArrayList<>();
			long start = System.nanoTime();
			crawler.crawl(source, false, progress, calls::addAll);
			long crawled = System.nanoTime() - start;
			long peakCrawl = peakHeapMb();
			start = System.nanoTime();
			int normalised = CallPreview.of(VOCABULARY, CrawlService.info(source), calls).size();
			long normalising = System.nanoTime() - start;
			line("## 1,000-page crawl of a local server (politeness off)");
			line("");
			line("| pages fetched | calls | fetch + extract (s) | pages/s | peak heap (MB) | normalise all calls (s) | calls/s end to end |");
			line("|---|---|---|---|---|---|---|");
			line(String.format(Locale.ROOT, "| %d | %d | %.2f | %.0f | %d | %.2f | %.0f |", progress.pagesFetched(),
					normalised, crawled / 1e9, progress.pagesFetched() / (crawled / 1e9), peakCrawl, normalising / 1e9,
					normalised / ((crawled + normalising) / 1e9)));
			line("");
		}
		finally {
			server.stop(0);
			// exec:java waits for every non-daemon thread before it returns.
			serverThreads.shutdownNow();
		}
	}

	private static String listing(int page, int perPage) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Convocatorias</title></head><body>");
		html.append("<nav>").append("<a href=\"/\">Inicio</a>".repeat(20)).append("</nav>");
		for (int i = 0; i < perPage; i++) {
			int id = (page - 1) * perPage + i;
			html.append("<div class=\"convocatoria\"><h3><a href=\"/convocatoria/").append(id);
			html.append("\">Convocatoria de cooperación número ").append(id).append("</a></h3>");
			html.append("<time datetime=\"2026-11-")
				.append(10 + i)
				.append("\">fecha</time><p>Resumen breve.</p></div>");
		}
		return html.append("<footer>")
			.append("<p>Pie de página.</p>".repeat(30))
			.append("</footer></body></html>")
			.toString();
	}

	private static String detail(String id) {
		return "<!DOCTYPE html><html><head><title>Convocatoria " + id + "</title></head><body><div class=\"texto\">"
				+ "<p>Subvenciones para proyectos de movilidad urbana sostenible y gestión de residuos en ciudades "
				+ "de América Latina. Pueden postular gobiernos locales y ONG.</p>"
				+ "<p>Plazo: hasta el 15 de marzo de 2099.</p><p>Monto: EUR 250.000 por proyecto.</p>"
				+ "<ul class=\"beneficiarios\"><li>Gobiernos locales</li><li>ONG</li></ul>" + "<p>"
				+ "Texto de las bases de la convocatoria. ".repeat(60) + "</p></div></body></html>";
	}

	private static void resetPeaks() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeapMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / (1024 * 1024);
	}

	private void line(String text) {
		this.report.append(text).append('\n');
		log.info(text);
	}

	/** The benchmark always reads in full. */
	private static final class NoStates implements FetchStates {

		@Override
		public Optional<FetchState> find(String url) {
			return Optional.empty();
		}

		@Override
		public void save(String url, FetchState state) {
		}

	}

}
