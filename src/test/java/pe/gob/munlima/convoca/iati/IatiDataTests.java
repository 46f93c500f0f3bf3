package pe.gob.munlima.convoca.iati;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The IATI data Convoca ships in index/: the code lists it shows (checked against the
 * standard's real code lists of ../shared/corpus/iati-codelists when they are here), the
 * DAC sector → theme mapping (every theme a theme of the vocabulary, every code an active
 * DAC code) and the publisher → funder mapping (checked against the real activity files).
 */
class IatiDataTests {

	static final Path CODELISTS = Path.of("..", "shared", "corpus", "iati-codelists");

	static final IatiCatalogue CATALOGUE = IatiCatalogue.load(new IatiProperties(null, null, null, null));

	@Test
	void everyShippedFileSaysWhatWasChecked() {
		assertThat(CATALOGUE.codes().checked()).isNotBlank();
		assertThat(CATALOGUE.sectors().checked()).isNotBlank();
		assertThat(
				IatiCatalogue.read(Path.of("index", "iati-organisations.yaml"), IatiCatalogue.OrganisationsFile.class)
					.checked())
			.isNotBlank();
	}

	@Test
	void everyShippedCodeMeansWhatTheStandardSays() throws Exception {
		assumeTrue(Files.isDirectory(CODELISTS), "../shared/corpus/iati-codelists is not here");
		IatiCatalogue.CodesFile codes = CATALOGUE.codes();
		assertSame("ActivityStatus", codes.activityStatus());
		assertSame("TransactionType", codes.transactionTypes());
		assertSame("OrganisationRole", codes.organisationRoles());
		assertSame("OrganisationType", codes.organisationTypes());
		assertSame("Country", codes.latinAmerica().countries());
		assertSame("Region", codes.latinAmerica().regions());
		assertSame("SectorCategory", codes.sectorCategories());
		// Every activity status and transaction type of the standard is shipped: the
		// pages
		// never meet one they cannot name.
		assertThat(codes.activityStatus().keySet()).containsAll(codeList("ActivityStatus").keySet());
		assertThat(codes.transactionTypes().keySet()).containsAll(codeList("TransactionType").keySet());
	}

	private static void assertSame(String list, Map<String, IatiCatalogue.Label> shipped) throws Exception {
		Map<String, String> standard = codeList(list);
		assertThat(shipped).as(list).isNotEmpty();
		shipped.forEach((code, label) -> {
			assertThat(standard).as("%s code %s exists", list, code).containsKey(code);
			assertThat(normal(label.en())).as("%s code %s means the same", list, code)
				.isEqualTo(normal(standard.get(code)));
			assertThat(label.es()).as("%s code %s has a Spanish label", list, code).isNotBlank();
		});
	}

	@Test
	void sectorThemesAreThemesOfTheVocabulary() throws IOException {
		Set<String> themes = vocabularyThemes();
		assertThat(themes).contains("mobility", "water", "governance");
		IatiCatalogue.SectorsFile sectors = CATALOGUE.sectors();
		sectors.categories().values().forEach(list -> assertThat(themes).containsAll(list));
		sectors.codes().values().forEach(list -> assertThat(themes).containsAll(list));
		assertThat(sectors.categories().keySet()).allMatch(code -> code.matches("\\d{3}"));
		assertThat(sectors.codes().keySet()).allMatch(code -> code.matches("\\d{5}"));
		// The 5-digit code wins over its category; a category gives its themes to the
		// codes it does not list.
		assertThat(CATALOGUE.themes("1", "14050")).containsExactly("waste");
		assertThat(CATALOGUE.themes("1", "14020")).containsExactly("water");
		assertThat(CATALOGUE.themes("2", "140")).containsExactly("water");
		assertThat(CATALOGUE.themes("99", "14020")).isEmpty();
	}

	@Test
	void sectorCodesAreActiveDacCodes() throws Exception {
		assumeTrue(Files.isDirectory(CODELISTS), "../shared/corpus/iati-codelists is not here");
		Map<String, String> codes = codeList("Sector");
		Map<String, String> categories = codeList("SectorCategory");
		Set<String> withdrawn = withdrawn("Sector");
		withdrawn.addAll(withdrawn("SectorCategory"));
		CATALOGUE.sectors().codes().keySet().forEach(code -> {
			assertThat(codes).as("DAC code %s", code).containsKey(code);
			assertThat(withdrawn).as("DAC code %s is active", code).doesNotContain(code);
		});
		CATALOGUE.sectors().categories().keySet().forEach(code -> {
			assertThat(categories).as("DAC category %s", code).containsKey(code);
			assertThat(withdrawn).as("DAC category %s is active", code).doesNotContain(code);
		});
	}

	@Test
	void publishersOfTheCorpusAreTheirFunders() throws IOException {
		Path activities = IatiReaderTests.CORPUS;
		assumeTrue(Files.isDirectory(activities), "../shared/corpus/iati-activities is not here");
		assertThat(reportingFunders(activities.resolve("MAEC_IATI_INDONESIA.xml"))).containsExactly("AECID");
		assertThat(reportingFunders(activities.resolve("DFID_GB-1_activities_5e87f792.xml"))).containsExactly("FCDO");
		assertThat(reportingFunders(activities.resolve("iati-datastore-v1-api-response_test_activities3.xml")))
			.containsExactly("FCDO");
		assertThat(reportingFunders(activities.resolve("iati-datastore-activities_dflat.xml"))).contains("AECID", "EU",
				"FCDO", "USAID", "SIDA", "UNICEF");
		// A name is matched whole and folded, never as a part of another name.
		assertThat(CATALOGUE.funderOf(null, "U.S. Agency for International Development")).contains("USAID");
		assertThat(CATALOGUE.funderOf(null, "Agencia Española de Cooperación Internacional para el Desarrollo"))
			.contains("AECID");
		assertThat(CATALOGUE.funderOf(null, "Friends of USAID")).isEmpty();
		assertThat(CATALOGUE.funder("usaid")).contains("USAID");
		assertThat(CATALOGUE.funder("XI-IATI-EC_ECHO")).contains("EU");
	}

	@Test
	void identifiersTakenFromTheCodeListAreInIt() throws Exception {
		assumeTrue(Files.isDirectory(CODELISTS), "../shared/corpus/iati-codelists is not here");
		Map<String, String> identifiers = codeList("IATIOrganisationIdentifier");
		assertThat(identifiers).containsKeys("XI-IATI-IADB", "XI-IATI-MIF", "XI-IATI-EC_DEVCO");
		assertThat(CATALOGUE.funderOf("XI-IATI-IADB", null)).contains("IDB");
		assertThat(identifiers.keySet().stream().filter(ref -> ref.startsWith("XI-IATI-EC_")))
			.allMatch(ref -> CATALOGUE.funderOf(ref, null).orElse("").equals("EU"));
	}

	private static Set<String> reportingFunders(Path file) throws IOException {
		Set<String> funders = new java.util.TreeSet<>();
		try (InputStream in = Files.newInputStream(file)) {
			new ActivityReader().read(in, file.toString(), new Tally(),
					activity -> CATALOGUE.funderOf(activity.reportingOrg().ref(), activity.reportingOrg().name())
						.ifPresent(funders::add));
		}
		return funders;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> vocabularyThemes() throws IOException {
		Map<String, Object> vocabulary = YAMLMapper.builder()
			.build()
			.readValue(Path.of("reading", "vocabulary.yaml").toFile(), Map.class);
		return ((Map<String, Object>) vocabulary.get("themes")).keySet();
	}

	/** Code → English name of a code list of the standard. */
	static Map<String, String> codeList(String name) throws Exception {
		Map<String, String> codes = new HashMap<>();
		for (Element item : items(name)) {
			String code = item.getElementsByTagName("code").item(0).getTextContent().strip();
			Element nameElement = (Element) item.getElementsByTagName("name").item(0);
			NodeList narratives = nameElement.getElementsByTagName("narrative");
			String english = nameElement.getTextContent().strip();
			for (int i = 0; i < narratives.getLength(); i++) {
				Element narrative = (Element) narratives.item(i);
				String lang = narrative.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
				if (lang.isEmpty() || lang.equals("en")) {
					english = narrative.getTextContent().strip();
					break;
				}
			}
			codes.put(code, english);
		}
		return codes;
	}

	private static Set<String> withdrawn(String name) throws Exception {
		Set<String> codes = new java.util.HashSet<>();
		for (Element item : items(name)) {
			if ("withdrawn".equals(item.getAttribute("status"))) {
				codes.add(item.getElementsByTagName("code").item(0).getTextContent().strip());
			}
		}
		return codes;
	}

	private static List<Element> items(String name) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(CODELISTS.resolve(name + ".xml").toFile());
		NodeList items = document.getElementsByTagName("codelist-item");
		List<Element> out = new java.util.ArrayList<>();
		for (int i = 0; i < items.getLength(); i++) {
			out.add((Element) items.item(i));
		}
		return out;
	}

	private static String normal(String text) {
		return text.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
	}

}
