package pe.gob.munlima.convoca.iati;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The streaming reader against every real activity file of the corpus (read in place from
 * ../shared/corpus/iati-activities; skipped when it is absent): the activities, sectors,
 * locations, transactions, budgets, participating organisations and recipients it reads
 * are counted independently in the same file with XPath over a DOM (fine for a test file
 * of a megabyte), and must be equal — none lost, none invented.
 */
class IatiReaderTests {

	static final Path CORPUS = Path.of("..", "shared", "corpus", "iati-activities");

	/** The independent count of each part: XPath over the whole document. */
	static final Map<String, String> XPATHS = Map.of(IatiReport.ACTIVITIES, "count(//iati-activity)",
			IatiReport.SECTORS, "count(//iati-activity/sector | //iati-activity/transaction/sector)",
			IatiReport.LOCATIONS, "count(//iati-activity/location)", IatiReport.TRANSACTIONS,
			"count(//iati-activity/transaction)", IatiReport.BUDGETS, "count(//iati-activity/budget)",
			IatiReport.ORGANISATIONS, "count(//iati-activity/participating-org)", IatiReport.RECIPIENTS,
			"count(//iati-activity/recipient-country | //iati-activity/recipient-region"
					+ " | //iati-activity/transaction/recipient-country | //iati-activity/transaction/recipient-region)");

	static Stream<Path> corpusFiles() throws IOException {
		if (!Files.isDirectory(CORPUS)) {
			return Stream.of(Path.of("(corpus absent)"));
		}
		return Files.list(CORPUS).filter(file -> file.toString().endsWith(".xml")).sorted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpusFiles")
	void readsEveryPartOfEveryCorpusFile(Path file) throws Exception {
		assumeTrue(Files.isRegularFile(file), "../shared/corpus/iati-activities is not here");
		Map<String, Integer> counted = independentCount(file);
		IatiReport report;
		try (InputStream in = Files.newInputStream(file)) {
			report = IatiImport.read(in, file.getFileName().toString());
		}
		assertThat(counted.get(IatiReport.ACTIVITIES)).isPositive();
		for (String part : IatiReport.PARTS) {
			assertThat(report.read(part)).as("%s read in %s", part, file.getFileName()).isEqualTo(counted.get(part));
			assertThat(report.stored(part)).as("%s handed over from %s", part, file.getFileName())
				.isEqualTo(counted.get(part));
		}
	}

	static Map<String, Integer> independentCount(Path file) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(file.toFile());
		Map<String, Integer> counts = new java.util.HashMap<>();
		for (Map.Entry<String, String> xpath : XPATHS.entrySet()) {
			Double count = (Double) XPathFactory.newInstance()
				.newXPath()
				.evaluate(xpath.getValue(), document, XPathConstants.NUMBER);
			counts.put(xpath.getKey(), count.intValue());
		}
		return counts;
	}

	@Test
	void readsTheDatastoreV1WrapperAndThe10xStyle() throws IOException {
		Path file = CORPUS.resolve("iati-datastore-v1-api-response_test_activities3.xml");
		assumeTrue(Files.isRegularFile(file), "corpus absent");
		Tally tally = new Tally();
		List<IatiActivity> activities = read(Files.readAllBytes(file), tally);
		assertThat(tally.report().total()).isEqualTo(12634L);
		IatiActivity second = activities.stream()
			.filter(a -> a.identifier().equals("GB-1-201186-101"))
			.findFirst()
			.orElseThrow();
		assertThat(second.reportingOrg().ref()).isEqualTo("GB-1");
		assertThat(second.reportingOrg().name()).isEqualTo("Department for International Development");
		// role="Funding" and role="Extending" of 1.0x are 1 and 3 of 2.0x
		assertThat(second.participatingOrgs()).extracting(IatiActivity.Org::role).containsExactly("1", "3", "4");
		assertThat(second.titles()).extracting(IatiActivity.Text::text)
			.containsExactly("Technical Assistance for Afghanistan National Development Strategy Implementation");
		assertThat(second.titles().get(0).language()).isEqualTo("en");
		// type="start-actual" is 2; the date is in iso-date
		assertThat(second.dates()).contains(new IatiActivity.Dated("2", LocalDate.parse("2009-06-21")));
		assertThat(second.sectors()).extracting(IatiActivity.Sector::vocabulary, IatiActivity.Sector::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("1", "15110"));
		// transaction-type C (commitment) is 2, D (disbursement) 3; no currency: the
		// activity's
		assertThat(second.transactions()).extracting(IatiActivity.Transaction::type).contains("2", "3");
		assertThat(second.transactions().get(0).currency()).isEqualTo("GBP");
		assertThat(second.transactions().get(0).value()).isEqualByComparingTo("728504");
	}

	@Test
	void keepsEveryLanguageOfTheTextsAndTheLocationsOfThe203Example() throws IOException {
		Path file = CORPUS.resolve("activity-standard-example-annotated_OFFICIAL-EXAMPLE.xml");
		assumeTrue(Files.isRegularFile(file), "corpus absent");
		IatiActivity example = read(Files.readAllBytes(file), new Tally()).get(0);
		assertThat(example.titles()).extracting(IatiActivity.Text::language).containsExactly("en", "fr", "es");
		assertThat(example.titles()).extracting(IatiActivity.Text::text).contains("Título de la actividad");
		assertThat(example.locations()).hasSize(2);
		IatiActivity.Location first = example.locations().get(0);
		assertThat(first.name()).isEqualTo("Location name");
		assertThat(first.administrative()).containsExactly("G1:1:1453782");
		assertThat(first.latitude()).isEqualByComparingTo("31.616944");
		assertThat(first.longitude()).isEqualByComparingTo("65.716944");
		// A sector of the transaction is kept with its transaction's position.
		assertThat(example.sectors()).filteredOn(s -> s.transaction() != null)
			.extracting(IatiActivity.Sector::code)
			.containsExactly("111");
	}

	@Test
	void readsTheSpanishNarrativesOfTheSpanishCooperation() throws IOException {
		Path file = CORPUS.resolve("MAEC_IATI_INDONESIA.xml");
		assumeTrue(Files.isRegularFile(file), "corpus absent");
		List<IatiActivity> activities = read(Files.readAllBytes(file), new Tally());
		IatiActivity first = activities.get(0);
		assertThat(first.identifier()).isEqualTo("ES-DIR3-E04585801-009-001301");
		assertThat(first.titles()).containsExactly(
				new IatiActivity.Text("es", "Personas cooperantes voluntarias en organismos internacionales", null));
	}

	@Test
	void readsOurFixtureIn10xAnd203Styles() throws IOException {
		List<IatiActivity> activities = read(
				Files.readAllBytes(Path.of("crawlers", "fixtures", "iati-peru", "datastore-pe.xml")), new Tally());
		assertThat(activities).hasSize(2);
		IatiActivity lima = activities.get(0);
		assertThat(lima.locations().get(0).administrative()).containsExactly("country:PE", "adm1:Lima", "adm2:Lima");
		assertThat(lima.locations().get(0).latitude()).isEqualByComparingTo(new BigDecimal("-12.0464"));
		assertThat(lima.transactions().get(1).currency()).isEqualTo("EUR");
		assertThat(lima.transactions().get(1).receiver().name()).isEqualTo("Municipalidad Metropolitana de Lima");
		IatiActivity water = activities.get(1);
		assertThat(water.status()).isEqualTo("1");
		assertThat(water.titles()).extracting(IatiActivity.Text::language).containsExactly("en", "es");
		assertThat(water.descriptions().get(0).type()).isEqualTo("1");
	}

	@Test
	void aBrokenFileIsAClearErrorAfterTheActivitiesReadWhole() {
		String broken = """
				<iati-activities version="2.03">
				  <iati-activity><iati-identifier>XX-1</iati-identifier><sector code="14020"/></iati-activity>
				  <iati-activity><iati-identifier>XX-2</iati-identifier><sector code="14020">
				</iati-activities>""";
		List<IatiActivity> handed = new ArrayList<>();
		Tally tally = new Tally();
		assertThatThrownBy(() -> new ActivityReader().read(bytes(broken), "roto.xml", tally, handed::add))
			.isInstanceOf(IatiFormatException.class)
			.hasMessageStartingWith("roto.xml: el XML no es válido")
			.hasMessageContaining("se conserva lo ya guardado");
		assertThat(handed).extracting(IatiActivity::identifier).containsExactly("XX-1");
		// Cut in the middle of a text: the parser says so unchecked; the same clear
		// error.
		String cut = broken.substring(0, broken.indexOf("XX-2") + 2);
		assertThatThrownBy(() -> IatiImport.read(bytes(cut), "cortado.xml")).isInstanceOf(IatiFormatException.class)
			.hasMessageStartingWith("cortado.xml: el XML no es válido");
	}

	@Test
	void refusesADoctypeAndWhatIsNotIati() {
		String doctype = """
				<?xml version="1.0"?>
				<!DOCTYPE iati-activities [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<iati-activities><iati-activity><iati-identifier>&x;</iati-identifier></iati-activity></iati-activities>""";
		assertThatThrownBy(() -> IatiImport.read(bytes(doctype), "xxe.xml")).isInstanceOf(IatiFormatException.class)
			.hasMessageContaining("DOCTYPE");
		assertThatThrownBy(() -> IatiImport.read(bytes("<rss><channel/></rss>"), "feed.xml"))
			.isInstanceOf(IatiFormatException.class)
			.hasMessageContaining("no es un archivo de actividades IATI");
		assertThatThrownBy(() -> IatiImport.read(bytes("<result><ok>False</ok></result>"), "api"))
			.isInstanceOf(IatiFormatException.class)
			.hasMessageContaining("ok=False");
		assertThatThrownBy(() -> IatiImport.read(bytes(""), "vacío.xml")).isInstanceOf(IatiFormatException.class);
	}

	@Test
	void anActivityWithoutIdentifierIsReadButReportedNotKept() {
		String file = """
				<iati-activities version="2.03">
				  <iati-activity><title><narrative>Sin id</narrative></title><sector code="14020"/></iati-activity>
				  <iati-activity><iati-identifier>XX-3</iati-identifier>
				    <transaction><transaction-type code="3"/><value>no es número</value></transaction>
				  </iati-activity>
				</iati-activities>""";
		IatiReport report = IatiImport.read(bytes(file), "f.xml");
		assertThat(report.read(IatiReport.ACTIVITIES)).isEqualTo(2);
		assertThat(report.stored(IatiReport.ACTIVITIES)).isEqualTo(1);
		assertThat(report.read(IatiReport.SECTORS)).isEqualTo(1);
		assertThat(report.stored(IatiReport.SECTORS)).isZero();
		assertThat(report.lossless()).isFalse();
		assertThat(report.problems())
			.anySatisfy(problem -> assertThat(problem).contains("sin iati-identifier").contains("Sin id"));
		// An unreadable value is kept as unknown, and said.
		assertThat(report.stored(IatiReport.TRANSACTIONS)).isEqualTo(1);
		assertThat(report.problems())
			.anySatisfy(problem -> assertThat(problem).contains("XX-3").contains("transaction/value ilegible"));
	}

	private static List<IatiActivity> read(byte[] xml, Tally tally) {
		List<IatiActivity> activities = new ArrayList<>();
		new ActivityReader().read(new ByteArrayInputStream(xml), "test", tally, activities::add);
		return activities;
	}

	private static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
