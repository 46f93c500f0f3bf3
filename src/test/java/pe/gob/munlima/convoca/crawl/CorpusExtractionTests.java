package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.dataformat.yaml.YAMLMapper;

import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.RawField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every real file of the shared corpus (read where it is, never copied) goes through the
 * extractor of its kind with a definition: the shipped one where a shipped source reads
 * that format (EU portal, Grants.gov, UNGM), otherwise one of src/test/resources/corpus/.
 * Counts and a few exact values per file show the fields are found. Extractors run on the
 * bytes, without HTTP. CI always has the corpus; a clone without it skips this class with
 * the reason.
 */
@EnabledIf(value = "corpusPresent", disabledReason = "../shared/corpus not found: corpus tests skipped")
class CorpusExtractionTests {

	static final Path CORPUS = CorpusSources.CORPUS;

	private final Extractors extractors = new Extractors();

	private final SourceValidator validator = new SourceValidator(this.extractors);

	private final CorpusSources sources = new CorpusSources(this.extractors);

	static boolean corpusPresent() {
		return Files.isDirectory(CORPUS);
	}

	@Test
	void everyFileOfTheCorpusIsReadByTheExtractorOfItsKind() throws IOException {
		List<Path> files;
		try (Stream<Path> all = Files.walk(CORPUS)) {
			files = all.filter(Files::isRegularFile)
				.filter(f -> !f.getFileName().toString().equals("MANIFEST.md"))
				.filter(f -> !f.getFileName().toString().equals("SHA256SUMS"))
				.sorted()
				.toList();
		}
		assertThat(files).hasSize(49);
		for (Path file : files) {
			if (file.getFileName().toString().equals("ies_sample.js")) {
				continue; // refused on purpose, see notesBeforeTheJsonAreAClearError
			}
			CorpusSources.Extracted extracted = this.sources.extract(this.sources.definitionFor(file), file);
			assertThat(extracted.calls()).as("calls of %s", file).isNotEmpty();
			assertThat(extracted.calls()).as("titles in %s", file).allSatisfy(c -> assertThat(c.title()).isNotBlank());
			assertThat(extracted.errors()).as("item errors in %s", file).isEmpty();
		}
	}

	@Test
	void euPortalSearchResponseThroughTheShippedDefinition() throws IOException {
		SourceDefinition eu = this.sources.shipped("eu-funding-tenders");
		CorpusSources.Extracted page = this.sources.extract(eu,
				CORPUS.resolve("eu-ft-portal-sedia-search-json/response.json"));

		assertThat(page.info().total()).isEqualTo(541_009L);
		assertThat(page.calls()).hasSize(10);
		RawCall first = page.call("EUAF-2023-TRAI-03");
		assertThat(first.title()).isEqualTo("Staff exchanges");
		assertThat(first.link()).isEqualTo(
				"https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/EUAF-2023-TRAI-03");
		assertThat(first.values(RawField.DEADLINE)).containsExactly("2023-05-11T02:00:00.000+0200");
		assertThat(first.values(RawField.OPENS_AT)).containsExactly("2023-03-09T01:00:00.000+0100");
		assertThat(first.values(RawField.STATUS)).containsExactly("31094503");
		assertThat(first.values(RawField.TOTAL_BUDGET)).as("this topic's entry of budgetOverview")
			.containsExactly("900000");
		assertThat(first.values(RawField.INSTRUMENT)).containsExactly("EUAF Project Grants");
		assertThat(first.values(RawField.THEMES)).contains("Fraud prevention");
		assertThat(first.summaryHtml()).contains("Organising staff exchanges");
		assertThat(page.calls()).allSatisfy(call -> {
			assertThat(call.values(RawField.DEADLINE)).isNotEmpty();
			assertThat(call.values(RawField.TOTAL_BUDGET)).isNotEmpty();
			assertThat(call.values(RawField.CURRENCY)).containsExactly("EUR");
		});
		assertThat(page.filtered()).isZero();
	}

	@Test
	void euPortalDerivedSnapshotHasItsNineHundredThirtyTwoCalls() throws IOException {
		CorpusSources.Extracted snapshot = this.sources.extract(this.sources.corpus("eu-grants-feed-derived"),
				CORPUS.resolve("eu-ft-portal-sedia-derived/grants.json"));

		assertThat(snapshot.calls()).hasSize(932);
		assertThat(snapshot.calls()).extracting(RawCall::externalId).doesNotHaveDuplicates();
		// One topic may be listed under several calls: 858 distinct references for 932
		// records.
		assertThat(snapshot.calls().stream().map(c -> c.first(RawField.REFERENCE)).distinct()).hasSize(858);
		assertThat(snapshot.calls()).allSatisfy(call -> assertThat(call.values(RawField.DEADLINE)).isNotEmpty());
		assertThat(snapshot.calls().stream().filter(c -> !c.values(RawField.AMOUNT_MAX).isEmpty())).hasSize(599);
		RawCall energy = snapshot.call("50129948TOPICSen");
		assertThat(energy.values(RawField.AMOUNT_MAX)).containsExactly("6000000");
		assertThat(energy.values(RawField.STATUS)).containsExactly("Forthcoming");
		assertThat(energy.values(RawField.DEADLINE)).containsExactly("2027-12-01T00:00:00.000Z");
		// The shipped EU definition's filter drops External Action calls addressed to one
		// other country: 29 of the 34 in the snapshot; the five multi-country ones stay.
		ItemMapper mapper = this.extractors.mapper();
		long dropped = snapshot.calls()
			.stream()
			.filter(call -> !mapper.kept(Map.of("reference", call.values(RawField.REFERENCE)),
					this.sources.shipped("eu-funding-tenders").filter()))
			.count();
		assertThat(dropped).isEqualTo(29);
	}

	@Test
	void grantsGovSearch2AndLegacySearchHits() throws IOException {
		CorpusSources.Extracted search2 = this.sources.extract(this.sources.shipped("grants-gov-search"),
				CORPUS.resolve("grantsgov-search2-json/search2_community.json"));
		assertThat(search2.info().total()).isEqualTo(714L);
		assertThat(search2.calls()).extracting(RawCall::externalId)
			.containsExactly("325599", "363048", "363178", "334326", "359132");
		RawCall praia = search2.call("325599");
		assertThat(praia.title()).isEqualTo("U.S. Embassy Praia Ambassador&rsquo;s Special Self-Help (SSH) Program");
		assertThat(praia.values(RawField.FUNDER)).containsExactly("U.S. Mission to Cape Verde");
		assertThat(praia.values(RawField.DEADLINE)).as("empty closeDate stays unknown").isEmpty();
		assertThat(search2.call("363048").values(RawField.DEADLINE)).containsExactly("08/17/2026");

		CorpusSources.Extracted legacy = this.sources.extract(this.sources.corpus("grantsgov-legacy-search"),
				CORPUS.resolve("grantsgov-search-json/oportunity.json"));
		assertThat(legacy.calls()).hasSize(25);
		assertThat(legacy.call("329382").values(RawField.REFERENCE)).containsExactly("NNH20ZDA001N-EPRV");
	}

	@Test
	void grantsGovOpportunityDetailsThroughTheShippedDetailMapping() throws IOException {
		SourceDefinition search = this.sources.shipped("grants-gov-search");
		SourceDefinition details = this.sources.detailOnly(search);

		RawCall nih = this.sources
			.extract(details, CORPUS.resolve("grantsgov-fetchopportunity-legacy-json/demo_post_PAR-21-168.json"))
			.calls()
			.get(0);
		assertThat(nih.values(RawField.AMOUNT_MAX)).containsExactly("125000");
		assertThat(nih.values(RawField.AMOUNT_MIN)).containsExactly("none");
		assertThat(nih.values(RawField.APPLICANT_TYPES)).contains("12");
		assertThat(nih.values(RawField.DEADLINE)).containsExactly("May 07, 2024 12:00:00 AM EDT");
		assertThat(nih.values(RawField.INSTRUMENT)).containsExactly("Grant");
		assertThat(nih.values(RawField.CO_FINANCING)).containsExactly("false");

		RawCall ies = this.sources
			.extract(details, CORPUS.resolve("grantsgov-fetchopportunity-legacy-json/ies_sample_2.js"))
			.calls()
			.get(0);
		assertThat(ies.values(RawField.APPLICANT_TYPES)).contains("01", "02");
		assertThat(ies.values(RawField.ELIGIBILITY).get(0)).startsWith("Eligible Applicants:");
	}

	@Test
	void notesBeforeTheJsonAreAClearError() {
		SourceDefinition details = this.sources.detailOnly(this.sources.shipped("grants-gov-search"));
		assertThatThrownBy(() -> this.sources.extract(details,
				CORPUS.resolve("grantsgov-fetchopportunity-legacy-json/ies_sample.js")))
			.isInstanceOf(ExtractionException.class)
			.hasMessageContaining("la respuesta no es JSON válido")
			.hasMessageContaining("línea 1");
	}

	@Test
	void grantsGovExtractAsCsvWithTheElementNamesOfTheShippedXmlDefinition() throws IOException {
		SourceDefinition xml = this.sources.shipped("grants-gov-xml-extract");
		SourceDefinition csv = new SourceDefinition("grants-gov-extract-csv", xml.funder(), "csv",
				"https://example.org/extract.csv", "en", xml.schedule(), "corpus", null, null, null, null, null,
				xml.fields(), null, xml.filter(), null);
		assertThat(this.validator.validate("grants-gov-extract-csv.yaml", csv)).isEmpty();

		CorpusSources.Extracted rows = this.sources.extract(csv,
				CORPUS.resolve("grantsgov-xml-extract-as-csv/grantsgov_export.csv"));

		assertThat(rows.calls().size() + rows.filtered()).isEqualTo(600);
		assertThat(rows.calls()).hasSize(78);
		CorpusSources.Extracted all = this.sources.extract(this.sources.withoutFilter(csv),
				CORPUS.resolve("grantsgov-xml-extract-as-csv/grantsgov_export.csv"));
		RawCall benefit = all.call("264229");
		assertThat(benefit.values(RawField.REFERENCE)).containsExactly("DE-FOA-0001180");
		assertThat(benefit.values(RawField.DEADLINE)).as("pandas artefact kept as written")
			.containsExactly("1122022.0");
		assertThat(benefit.values(RawField.APPLICANT_TYPES)).containsExactly("99.0");
		assertThat(benefit.values(RawField.FUNDER)).containsExactly("Golden Field Office");
		assertThat(benefit.link()).isEqualTo("https://www.grants.gov/search-results-detail/264229");
	}

	@Test
	void aggregatorAtomFeedHasItsHundredEntries() throws IOException {
		CorpusSources.Extracted feed = this.sources.extract(this.sources.corpus("aggregator-atom"),
				CORPUS.resolve("aggregator-atom-feed/all.xml"));
		assertThat(feed.calls()).hasSize(100);
		assertThat(feed.calls()).extracting(RawCall::externalId).doesNotHaveDuplicates();
		assertThat(feed.calls()).allSatisfy(call -> {
			assertThat(call.publishedAt()).isNotNull();
			assertThat(call.link()).startsWith("http");
			assertThat(call.values(RawField.FUNDER)).isNotEmpty();
		});
	}

	@Test
	void ungmListingThroughTheShippedDefinition() throws IOException {
		CorpusSources.Extracted page = this.sources.extract(this.sources.shipped("ungm-peru"),
				CORPUS.resolve("ungm-html-listing/ungm_search_results.html"));

		assertThat(page.info().total()).isEqualTo(1658L);
		assertThat(page.calls().size() + page.filtered()).isEqualTo(15);
		assertThat(page.calls()).as("all are tenders, none a grant call").isEmpty();
		CorpusSources.Extracted all = this.sources.extract(
				this.sources.withoutFilter(this.sources.shipped("ungm-peru")),
				CORPUS.resolve("ungm-html-listing/ungm_search_results.html"));
		assertThat(all.calls()).hasSize(15);
		RawCall first = all.call("273637");
		assertThat(first.title())
			.isEqualTo("Acuerdo a Largo Plazo para la provisión de servicios de Internet para la Oficina");
		assertThat(first.link()).isEqualTo("https://www.ungm.org/Public/Notice/273637");
		assertThat(first.values(RawField.DEADLINE)).containsExactly("03-Sep-2025 15:33 (GMT -4.00)");
		assertThat(first.values(RawField.OPENS_AT)).containsExactly("28-Jul-2025");
		assertThat(first.values(RawField.FUNDER)).containsExactly("UNDP");
		assertThat(first.values(RawField.INSTRUMENT)).containsExactly("Invitation to bid");
		assertThat(first.values(RawField.REFERENCE)).containsExactly("UNDP-GNQ-00123");
		assertThat(first.values(RawField.COUNTRIES)).containsExactly("Equatorial Guinea");
		assertThat(all.calls()).allSatisfy(call -> assertThat(call.values(RawField.DEADLINE)).isNotEmpty());
	}

	@Test
	void grantForwardExportReadAsAStream() throws IOException {
		CorpusSources.Extracted export = this.sources.extract(this.sources.corpus("grantforward"),
				CORPUS.resolve("grantforward-export-xml/grants.xml"));
		assertThat(export.calls()).hasSize(42);
		RawCall essay = export.call("79349");
		assertThat(essay.title()).isEqualTo("American Speech-Language-Hearing Association Student Ethics Essay Award");
		assertThat(essay.values(RawField.AMOUNT_MAX)).containsExactly("1000.00");
		assertThat(essay.values(RawField.AMOUNT_MIN)).containsExactly("500.00");
		assertThat(essay.values(RawField.CURRENCY)).containsExactly("USD");
		assertThat(essay.values(RawField.DEADLINE)).containsExactly("2023-02-03 00:00:00");
		assertThat(essay.values(RawField.COUNTRIES)).containsExactly("United States");
		assertThat(essay.values(RawField.APPLICANT_TYPES)).contains("Undergraduate", "Graduate");
		assertThat(essay.values(RawField.FUNDER)).containsExactly("American Speech-Language-Hearing Association");
	}

	@Test
	void spanishMunicipalCallsOfBogota() throws IOException {
		CorpusSources.Extracted sicon = this.sources.extract(this.sources.corpus("sicon-bogota"),
				CORPUS.resolve("sicon-colombia-convocatorias-json/convocatorias_publicadas_page1.json"));
		assertThat(sicon.calls()).hasSize(3);
		RawCall beca = sicon.call("3731");
		assertThat(beca.title()).startsWith("Beca LEP Producción y circulación");
		assertThat(beca.values(RawField.TOTAL_BUDGET)).containsExactly("$ 350.000.000");
		assertThat(beca.values(RawField.OPENS_AT)).containsExactly("2026-07-17 00:00:00");
		assertThat(beca.values(RawField.FUNDER)).containsExactly("FUGA");
		assertThat(beca.values(RawField.APPLICANT_TYPES)).contains("Persona Natural");
	}

	@Test
	void procurementNoticesOfTheWorldBankAndSecop() throws IOException {
		CorpusSources.Extracted worldBank = this.sources.extract(this.sources.corpus("worldbank-procnotices"),
				CORPUS.resolve("worldbank-procnotices-json/procnotices_page1.json"));
		assertThat(worldBank.calls()).hasSize(5);
		RawCall turkiye = worldBank.call("OP00458210");
		assertThat(turkiye.values(RawField.INSTRUMENT)).containsExactly("Contract Award", "Direct Selection");
		assertThat(turkiye.values(RawField.COUNTRIES)).containsExactly("Turkiye");
		assertThat(turkiye.values(RawField.OPENS_AT)).containsExactly("22-Jul-2026");

		CorpusSources.Extracted secop = this.sources.extract(this.sources.corpus("secop2"),
				CORPUS.resolve("secop2-colombia-json/page1_tecnologia_2026.json"));
		assertThat(secop.calls()).hasSize(12);
		RawCall asamblea = secop.call("CO1.REQ.10602402");
		assertThat(asamblea.values(RawField.AMOUNT)).containsExactly("16000000");
		assertThat(asamblea.values(RawField.DURATION)).containsExactly("4 meses");
		assertThat(asamblea.link()).startsWith("https://community.secop.gov.co/");
	}

	@Test
	void gbifCallPagesInMarkdownWithFrontMatter() throws IOException {
		SourceDefinition page = this.sources.corpus("gbif-bid-call-page");
		RawCall national = this.sources
			.extract(page, CORPUS.resolve("gbif-bid-call-pages-md/caribbean2016_04-national-grants_en.md"))
			.calls()
			.get(0);
		assertThat(national.title()).isEqualTo("National grants");
		assertThat(national.values(RawField.PROGRAMME)).containsExactly("Caribbean 2016");
		assertThat(national.values(RawField.DEADLINE)).containsExactly("10 November 2016");
		assertThat(national.values(RawField.AMOUNT)).contains("€60,000");
		assertThat(national.summaryHtml()).contains("<h1>National grants</h1>");

		RawCall nacionales = this.sources
			.extract(page, CORPUS.resolve("gbif-bid-call-pages-md/caribbean2016_04-national-grants_es.md"))
			.calls()
			.get(0);
		assertThat(nacionales.values(RawField.DEADLINE)).containsExactly("10 de Noviembre de 2016");
	}

	@Test
	void iatiActivityFilesOfSpainAndOtherDonors() throws IOException {
		SourceDefinition iati = this.sources.corpus("iati-activities");
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("MAEC_IATI_INDONESIA.xml", 83);
		counts.put("DFID_GB-1_activities_5e87f792.xml", 8);
		counts.put("iati-datastore-v1-api-response_test_activities3.xml", 50);
		counts.put("iati-datastore-activities_dflat.xml", 100);
		counts.put("activity-standard-example-annotated_OFFICIAL-EXAMPLE.xml", 1);
		for (Map.Entry<String, Integer> file : counts.entrySet()) {
			assertThat(this.sources.extract(iati, CORPUS.resolve("iati-activities").resolve(file.getKey())).calls())
				.as(file.getKey())
				.hasSize(file.getValue());
		}
		RawCall spain = this.sources.extract(iati, CORPUS.resolve("iati-activities/MAEC_IATI_INDONESIA.xml"))
			.call("ES-DIR3-E04585801-009-001301");
		assertThat(spain.values(RawField.CURRENCY)).containsExactly("EUR");
		assertThat(spain.values(RawField.COUNTRIES)).containsExactly("ID");
		assertThat(spain.values(RawField.THEMES)).isNotEmpty();
		RawCall dfid = this.sources
			.extract(iati, CORPUS.resolve("iati-activities/iati-datastore-v1-api-response_test_activities3.xml"))
			.calls()
			.get(0);
		assertThat(dfid.values(RawField.CURRENCY)).containsExactly("GBP");
		assertThat(dfid.values(RawField.FUNDER)).contains("UNITED KINGDOM");
	}

	@Test
	void iatiCodelists() throws IOException {
		SourceDefinition codelist = this.sources.corpus("iati-codelist");
		assertThat(this.sources.extract(codelist, CORPUS.resolve("iati-codelists/Country.xml")).call("PE").title())
			.isEqualTo("Peru");
		assertThat(this.sources.extract(codelist, CORPUS.resolve("iati-codelists/Sector.xml")).calls()).hasSize(325);
		assertThat(this.sources.extract(codelist, CORPUS.resolve("iati-codelists/Currency.xml")).call("PEN").title())
			.isEqualTo("Nuevo Sol");
	}

}
