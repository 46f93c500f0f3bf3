package pe.gob.munlima.convoca.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Attached documents made in the tests: PDFs with PDFBox, DOCX and ODT as zips. */
final class TestDocuments {

	private TestDocuments() {
	}

	/** A PDF with one page per list element, each line of it a line of text. */
	static byte[] pdf(List<String> pages) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		pdf(pages, null, out);
		return out.toByteArray();
	}

	/** The same, encrypted with a user password (it cannot be opened without it). */
	static byte[] encryptedPdf(List<String> pages) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		pdf(pages, "secreto", out);
		return out.toByteArray();
	}

	static void pdf(List<String> pages, String password, OutputStream out) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			for (String text : pages) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, 11);
					content.setLeading(14);
					content.newLineAtOffset(50, 780);
					for (String line : text.split("\n")) {
						content.showText(line);
						content.newLine();
					}
					content.endText();
				}
			}
			if (password != null) {
				StandardProtectionPolicy policy = new StandardProtectionPolicy("propietario", password,
						new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
			}
			document.save(out);
		}
	}

	/** A "scanned" PDF: pages with drawings and no text layer. */
	static byte[] scannedPdf(int pages) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < pages; i++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.addRect(50, 50, 400, 600);
					content.fill();
				}
			}
			document.save(out);
		}
		return out.toByteArray();
	}

	/** A DOCX whose pages are separated by explicit page breaks. */
	static byte[] docx(List<String> pages) throws IOException {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pages.size(); i++) {
			for (String line : pages.get(i).split("\n")) {
				body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(escape(line)).append("</w:t></w:r></w:p>");
			}
			if (i < pages.size() - 1) {
				// As Word writes it: an explicit break, then its rendered break.
				body.append(
						"<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p><w:p><w:r><w:lastRenderedPageBreak/></w:r></w:p>");
			}
		}
		String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body
				+ "</w:body></w:document>";
		return zip("[Content_Types].xml",
				"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
				"word/document.xml", document);
	}

	/** An ODT whose pages are separated by LibreOffice's soft page breaks. */
	static byte[] odt(List<String> pages) throws IOException {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pages.size(); i++) {
			if (i > 0) {
				body.append("<text:soft-page-break/>");
			}
			for (String line : pages.get(i).split("\n")) {
				body.append("<text:p>").append(escape(line)).append("</text:p>");
			}
		}
		String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
				+ " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>" + body
				+ "</office:text></office:body></office:document-content>";
		return zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", content);
	}

	private static byte[] zip(String... namesAndContents) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < namesAndContents.length; i += 2) {
				zip.putNextEntry(new ZipEntry(namesAndContents[i]));
				zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;");
	}

}
