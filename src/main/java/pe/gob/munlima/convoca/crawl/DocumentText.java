package pe.gob.munlima.convoca.crawl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of an attached document (a call's bases, terms of reference), page by page:
 * PDF with Apache PDFBox, DOCX and ODT with a small StAX reader of the zip's
 * {@code word/document.xml} or {@code content.xml}.
 * <p>
 * Why not Apache Tika for DOCX and ODT: measured on 2026-12-06,
 * {@code tika-parsers-standard-package} 3.3.1 without junrar resolves to 87 JARs, 56 MB
 * (poi-ooxml-full alone 14 MB, Bouncy Castle 8.6 MB, POI, xmlbeans, commons-math3, its
 * own PDFBox 3.0.7 ...), while PDFBox 3.0.8 with fontbox and pdfbox-io is 3.7 MB. For the
 * two zip formats the reader needs the running text of the paragraphs, which both keep in
 * one XML part; the StAX reader below reads that paragraph text as Tika's DOCX and ODT
 * handlers do (they walk the same parts), and adds nothing to the service jar. Tika would
 * add headers, footers, footnotes and comments, which the reader does not cite; if a call
 * ever needs them, they are more parts of the same zip.
 * <p>
 * Bounded memory: a PDF is parsed from the fetched body's temporary file (the fetcher
 * spools bodies above {@link Fetcher#IN_MEMORY_BYTES}) through a buffered random access
 * file, with PDFBox's stream cache in temporary files, so a 50 MB PDF is never whole in
 * the heap; at most {@code maxPages} pages and {@link #MAX_CHARS} characters are read.
 * The format is told by the bytes (%PDF, a zip with word/document.xml or an ODF
 * mimetype), not by the link or the Content-Type, which servers often get wrong.
 */
final class DocumentText {

	/** Text kept of one document; beyond it the reader gains little and the row grows. */
	static final int MAX_CHARS = 400_000;

	/**
	 * The XML part of a DOCX or ODT read at most, uncompressed (a zip bomb stops here).
	 */
	private static final long MAX_XML_BYTES = 64L * 1024 * 1024;

	private static final XMLInputFactory XML = xmlFactory();

	/** Control characters other than tab and line feed. */
	private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern
		.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private DocumentText() {
	}

	/**
	 * What was read of a document.
	 *
	 * @param pages the text of each page read, in order (a blank string for a page with
	 * no text)
	 * @param problem why nothing could be read (encrypted, malformed, not a document), or
	 * null
	 * @param totalPages how many pages the document has (PDF), or the pages read
	 * @param cut whether the text cap cut it
	 */
	record Pages(List<String> pages, String problem, int totalPages, boolean cut) {

		static Pages failed(String problem) {
			return new Pages(List.of(), problem, 0, false);
		}

		/** The 1-based numbers of the pages with no text. */
		List<Integer> blank() {
			List<Integer> blank = new ArrayList<>();
			for (int i = 0; i < this.pages.size(); i++) {
				if (this.pages.get(i).isBlank()) {
					blank.add(i + 1);
				}
			}
			return blank;
		}

	}

	/**
	 * @param body the fetched document
	 * @param maxPages pages read at most
	 * @param stop true when the run's deadline passed: reading stops at the next page
	 */
	static Pages read(Body body, int maxPages, BooleanSupplier stop) {
		byte[] magic;
		try (InputStream in = body.open()) {
			magic = in.readNBytes(1024);
		}
		catch (IOException ex) {
			return Pages.failed("no se pudo leer: " + ex.getMessage());
		}
		if (startsWith(magic, "%PDF") || indexOf(magic, "%PDF") >= 0) {
			return pdf(body, maxPages, stop);
		}
		if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
			return zipped(body, maxPages);
		}
		return Pages.failed("no es un PDF, DOCX ni ODT");
	}

	private static Pages pdf(Body body, int maxPages, BooleanSupplier stop) {
		Path file = body.file();
		try (RandomAccessRead input = file != null ? new RandomAccessReadBufferedFile(file)
				: new RandomAccessReadBuffer(body.bytes());
				PDDocument document = Loader.loadPDF(input, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
			int total = document.getNumberOfPages();
			if (total == 0) {
				// A lenient parse of a broken file may find no page at all.
				return Pages.failed("PDF dañado o ilegible (no se encontró ninguna página)");
			}
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(false);
			stripper.setLineSeparator("\n");
			stripper.setParagraphEnd("\n");
			List<String> pages = new ArrayList<>();
			int chars = 0;
			boolean cut = false;
			for (int n = 1; n <= Math.min(total, maxPages); n++) {
				if (stop.getAsBoolean()) {
					break;
				}
				stripper.setStartPage(n);
				stripper.setEndPage(n);
				String text = tidy(stripper.getText(document));
				if (chars + text.length() > MAX_CHARS) {
					pages.add(text.substring(0, Math.max(0, MAX_CHARS - chars)));
					cut = true;
					break;
				}
				chars += text.length();
				pages.add(text);
			}
			return new Pages(pages, null, total, cut);
		}
		catch (InvalidPasswordException ex) {
			return Pages.failed("está cifrado con contraseña; no se puede leer su texto");
		}
		catch (IOException | RuntimeException ex) {
			return Pages.failed("PDF dañado o ilegible (" + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + ")");
		}
	}

	private static Pages zipped(Body body, int maxPages) {
		try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(body.open()))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				// A DOCX keeps its body in word/document.xml; an ODT text in content.xml.
				if ("word/document.xml".equals(entry.getName())) {
					return xml(new Capped(zip), new Docx(), maxPages);
				}
				if ("content.xml".equals(entry.getName())) {
					return xml(new Capped(zip), new Odt(), maxPages);
				}
			}
			return Pages.failed("es un zip sin word/document.xml ni content.xml: no es un DOCX ni un ODT");
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			return Pages.failed("documento dañado o ilegible (" + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + ")");
		}
	}

	/** Tells the paragraphs, tabs, breaks and pages of one XML vocabulary. */
	private interface Vocabulary {

		/** An element that ends a paragraph (w:p, text:p, text:h). */
		boolean paragraph(String namespace, String local);

		/** An element whose characters are text (w:t; in ODF, all characters). */
		boolean text(String namespace, String local);

		/** What an empty element stands for: "\t", "\n", " ", PAGE or null. */
		String mark(XMLStreamReader reader);

	}

	private static final String PAGE = "\f";

	private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	private static final String ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

	private static final class Docx implements Vocabulary {

		@Override
		public boolean paragraph(String namespace, String local) {
			return W.equals(namespace) && "p".equals(local);
		}

		@Override
		public boolean text(String namespace, String local) {
			return W.equals(namespace) && "t".equals(local);
		}

		@Override
		public String mark(XMLStreamReader reader) {
			if (!W.equals(reader.getNamespaceURI())) {
				return null;
			}
			return switch (reader.getLocalName()) {
				case "tab" -> "\t";
				case "cr" -> "\n";
				// Word writes where it broke the page when it last laid the text out;
				// an explicit break is also a page.
				case "lastRenderedPageBreak" -> PAGE;
				case "br" -> "page".equals(reader.getAttributeValue(W, "type")) ? PAGE : "\n";
				default -> null;
			};
		}

	}

	private static final class Odt implements Vocabulary {

		@Override
		public boolean paragraph(String namespace, String local) {
			return ODF_TEXT.equals(namespace) && ("p".equals(local) || "h".equals(local));
		}

		@Override
		public boolean text(String namespace, String local) {
			return true;
		}

		@Override
		public String mark(XMLStreamReader reader) {
			if (!ODF_TEXT.equals(reader.getNamespaceURI())) {
				return null;
			}
			return switch (reader.getLocalName()) {
				case "tab" -> "\t";
				case "line-break" -> "\n";
				case "s" -> " ".repeat(spaces(reader.getAttributeValue(ODF_TEXT, "c")));
				case "soft-page-break" -> PAGE;
				default -> null;
			};
		}

		private static int spaces(String count) {
			try {
				return count == null ? 1 : Math.max(1, Math.min(100, Integer.parseInt(count)));
			}
			catch (NumberFormatException ex) {
				return 1;
			}
		}

	}

	/**
	 * Paragraph text of a DOCX or ODT body; a page begins at each page break Word or
	 * LibreOffice recorded (a document saved by another tool may have none: one page).
	 */
	private static Pages xml(InputStream in, Vocabulary vocabulary, int maxPages) throws XMLStreamException {
		XMLStreamReader reader = XML.createXMLStreamReader(in);
		List<String> pages = new ArrayList<>();
		StringBuilder page = new StringBuilder();
		int chars = 0;
		int textDepth = 0;
		boolean cut = false;
		boolean pageBreakPending = false;
		try {
			while (reader.hasNext() && !cut) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					if (vocabulary.text(reader.getNamespaceURI(), reader.getLocalName())) {
						textDepth++;
					}
					String mark = vocabulary.mark(reader);
					if (PAGE.equals(mark)) {
						// Two marks in a row (an explicit break, then Word's rendered
						// break in the next paragraph) are one page break.
						pageBreakPending = pageBreakPending || !page.toString().isBlank();
					}
					else if (mark != null) {
						page.append(mark);
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					if (vocabulary.text(reader.getNamespaceURI(), reader.getLocalName())) {
						textDepth--;
					}
					if (vocabulary.paragraph(reader.getNamespaceURI(), reader.getLocalName())) {
						page.append('\n');
					}
				}
				else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
						&& textDepth > 0) {
					if (pageBreakPending) {
						pages.add(tidy(page.toString()));
						page.setLength(0);
						pageBreakPending = false;
						if (pages.size() >= maxPages) {
							break;
						}
					}
					String text = reader.getText();
					if (chars + text.length() > MAX_CHARS) {
						page.append(text, 0, MAX_CHARS - chars);
						cut = true;
					}
					else {
						chars += text.length();
						page.append(text);
					}
				}
			}
		}
		finally {
			reader.close();
		}
		if (pages.size() < maxPages) {
			pages.add(tidy(page.toString()));
		}
		return new Pages(pages, null, pages.size(), cut);
	}

	/**
	 * Lines stripped, runs of blank lines made one, control characters dropped (a PDF's
	 * unmapped glyphs may come out as NUL, which PostgreSQL text refuses).
	 */
	static String tidy(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean blank = false;
		String clean = CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
		for (String line : clean.split("\n", -1)) {
			String stripped = line.strip();
			if (stripped.isEmpty()) {
				blank = !out.isEmpty();
				continue;
			}
			if (blank) {
				out.append('\n');
				blank = false;
			}
			if (!out.isEmpty()) {
				out.append('\n');
			}
			out.append(stripped);
		}
		return out.toString();
	}

	private static boolean startsWith(byte[] bytes, String prefix) {
		return indexOf(bytes, prefix) == 0;
	}

	private static int indexOf(byte[] bytes, String ascii) {
		byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		outer: for (int i = 0; i + needle.length <= bytes.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (bytes[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static XMLInputFactory xmlFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		// No DTDs, no external entities: the XML comes from the internet.
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory;
	}

	/**
	 * Refuses to read past {@link #MAX_XML_BYTES} of one zip entry, and keeps it open.
	 */
	private static final class Capped extends CountingStream {

		private long count;

		Capped(InputStream in) {
			super(in);
		}

		@Override
		void count(int n) throws IOException {
			this.count += n;
			if (this.count > MAX_XML_BYTES) {
				throw new IOException(
						String.format(Locale.ROOT, "más de %d MB de XML descomprimido", MAX_XML_BYTES >> 20));
			}
		}

		@Override
		public void close() {
			// The zip stream is closed by its owner.
		}

	}

}
