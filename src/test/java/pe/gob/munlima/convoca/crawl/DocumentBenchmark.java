package pe.gob.munlima.convoca.crawl;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attached documents benchmark (issue 13, item 7), not a test: run by hand, see README
 * "Benchmarks".
 * <ol>
 * <li>Text extraction of a generated 20-page PDF (about 45 lines of call text a page), in
 * memory as the fetcher keeps bodies under 8 MB: best and median of the timed rounds
 * after warm-up (target: ≤ 300 ms).</li>
 * <li>Peak heap while reading a generated PDF of about 50 MB (pages of text, each with a
 * 3 MB incompressible image, as a scanned annex would be) from the temporary file the
 * fetcher spools it to: the sum of the heap pools' peaks, reset after a GC, minus the
 * heap in use before. Run it with a small heap (-Xmx128m) to see that it is bounded.</li>
 * </ol>
 * Writes target/bench/documents.md. Arguments: timed rounds (default 20), megabytes of
 * the large PDF (default 50).
 */
final class DocumentBenchmark {

	private static final Logger log = LoggerFactory.getLogger(DocumentBenchmark.class);

	private DocumentBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 50;
		StringBuilder report = new StringBuilder("# Attached documents benchmark\n\n");
		report.append(String.format(Locale.ROOT, "JVM max heap: %d MB, %d processors%n%n",
				Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));

		byte[] twenty = TestDocuments.pdf(pages(20));
		for (int i = 0; i < 5; i++) {
			check(DocumentText.read(Body.of(twenty), 200, () -> false), 20);
		}
		long[] times = new long[rounds];
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			DocumentText.Pages pages = DocumentText.read(Body.of(twenty), 200, () -> false);
			times[i] = System.nanoTime() - start;
			check(pages, 20);
		}
		Arrays.sort(times);
		report.append(String.format(Locale.ROOT,
				"20-page PDF (%d KB): best %.1f ms, median %.1f ms, worst %.1f ms over %d rounds (target ≤ 300 ms)%n%n",
				twenty.length >> 10, times[0] / 1e6, times[rounds / 2] / 1e6, times[rounds - 1] / 1e6, rounds));

		Path large = Files.createTempFile("convoca-bench", ".pdf");
		try {
			int pageCount = largePdf(large, megabytes);
			long size = Files.size(large);
			Path spooled = Files.createTempFile("convoca-bench", ".body");
			Files.copy(large, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			System.gc();
			long before = usedHeap();
			resetPeaks();
			long start = System.nanoTime();
			DocumentText.Pages pages;
			try (Body body = Body.spooled(spooled)) {
				pages = DocumentText.read(body, 200, () -> false);
			}
			long elapsed = System.nanoTime() - start;
			check(pages, pageCount);
			long peak = peakHeap();
			report.append(String.format(Locale.ROOT,
					"%d MB PDF (%d pages) read from its temporary file: %.0f ms, heap in use before %d MB, "
							+ "peak %d MB (%d MB above)%n",
					size >> 20, pageCount, elapsed / 1e6, before >> 20, peak >> 20, Math.max(0, peak - before) >> 20));
		}
		finally {
			Files.deleteIfExists(large);
		}
		Path out = Path.of("target", "bench", "documents.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report, StandardCharsets.UTF_8);
		log.info("\n{}", report);
	}

	private static void check(DocumentText.Pages pages, int expected) {
		if (pages.problem() != null || pages.pages().size() != expected || pages.pages().get(0).isBlank()) {
			throw new IllegalStateException("unexpected reading: " + pages.problem() + ", " + pages.pages().size());
		}
	}

	/** Pages of plausible call text, different on each page. */
	private static List<String> pages(int count) {
		List<String> pages = new ArrayList<>();
		for (int p = 1; p <= count; p++) {
			StringBuilder page = new StringBuilder();
			for (int line = 1; line <= 45; line++) {
				page.append(String.format(Locale.ROOT,
						"%d.%d Pueden postular gobiernos locales y regionales; monto maximo USD %d por proyecto.%n", p,
						line, 10_000 * line));
			}
			pages.add(page.toString().strip());
		}
		return pages;
	}

	/** A PDF of about the given size: text pages, each with a noise image. */
	private static int largePdf(Path file, int megabytes) throws IOException {
		Random random = new Random(13);
		int pageCount = 0;
		// Made with PDFBox's stream cache in temporary files, so that the benchmark can
		// run
		// with a heap smaller than the PDF.
		try (PDDocument document = new PDDocument(org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache())) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			List<String> texts = pages(Math.max(1, megabytes / 3 + 1));
			BufferedImage image = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
			for (String text : texts) {
				for (int y = 0; y < 1000; y++) {
					for (int x = 0; x < 1000; x++) {
						image.setRGB(x, y, random.nextInt(0x1000000));
					}
				}
				PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				pageCount++;
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.drawImage(xobject, 50, 50, 200, 200);
					content.beginText();
					content.setFont(font, 8);
					content.setLeading(10);
					content.newLineAtOffset(50, 800);
					for (String line : text.split("\n")) {
						content.showText(line);
						content.newLine();
					}
					content.endText();
				}
			}
			document.save(file.toFile());
		}
		return pageCount;
	}

	private static long usedHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getUsage().getUsed())
			.sum();
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

}
