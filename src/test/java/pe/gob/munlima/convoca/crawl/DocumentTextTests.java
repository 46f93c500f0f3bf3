package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text of attached documents without a server: caps and clean text. */
class DocumentTextTests {

	@Test
	void aLongPdfIsReadUpToThePageCapAndSaysHowManyPagesItHas() throws IOException {
		byte[] pdf = TestDocuments.pdf(List.of("Uno", "Dos", "Tres", "Cuatro", "Cinco"));

		DocumentText.Pages pages = DocumentText.read(Body.of(pdf), 2, () -> false);

		assertThat(pages.pages()).containsExactly("Uno", "Dos");
		assertThat(pages.totalPages()).isEqualTo(5);
		assertThat(pages.problem()).isNull();
	}

	@Test
	void aRunThatIsOverStopsReadingAtTheNextPage() throws IOException {
		byte[] pdf = TestDocuments.pdf(List.of("Uno", "Dos", "Tres"));
		int[] asked = { 0 };

		DocumentText.Pages pages = DocumentText.read(Body.of(pdf), 200, () -> ++asked[0] > 1);

		assertThat(pages.pages()).containsExactly("Uno");
	}

	@Test
	void controlCharactersAndBlankLinesAreCleanedAwayButLinesAndTabsKept() {
		assertThat(DocumentText.tidy("  Bases\u0000 del\tfondo \r\n\n\n\nArt. 1\u0007\n"))
			.isEqualTo("Bases del\tfondo\n\nArt. 1");
	}

	@Test
	void anOdtParagraphIsReadAsItsText() throws IOException {
		byte[] odt = TestDocuments.odt(List.of("Monto: USD 10.000"));

		assertThat(DocumentText.read(Body.of(odt), 10, () -> false).pages()).containsExactly("Monto: USD 10.000");
	}

}
