package pe.gob.munlima.convoca.search;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pe.gob.munlima.convoca.search.SearchFixture.inDays;
import static pe.gob.munlima.convoca.search.TestCall.call;

/**
 * Relevance, filters, facets and snippets on a fixed set of eight calls in four
 * languages.
 */
class CallSearchTests {

	@TempDir
	Path dir;

	SearchFixture fixture;

	@BeforeEach
	void eightCalls() {
		this.fixture = new SearchFixture(this.dir);
		this.fixture.store(
				call(1, "en", "Urban Mobility Challenge for Latin American Cities")
					.summary("Support for cycling lanes and public transport in cities of the region.")
					.funder("Global Cities Fund")
					.source("gcf")
					.themes("mobility")
					.applicants("LOCAL_GOVERNMENT")
					.regions("LATAM")
					.deadline(inDays(20))
					.amount(500_000, "USD")
					.published("2026-11-01T00:00:00Z"),
				call(2, "es", "Convocatoria de ciclovías para municipalidades")
					.summary("Subvenciones para construir ciclovías y fomentar el uso de la bicicleta en la ciudad.")
					.funder("AECID")
					.source("aecid")
					.themes("mobility")
					.applicants("LOCAL_GOVERNMENT")
					.regions("LATAM", "PE")
					.deadline(inDays(60))
					.amount(200_000, "EUR")
					.published("2026-11-10T00:00:00Z"),
				call(3, "es", "Línea de préstamos para transporte público")
					.summary("Préstamos reembolsables para sistemas de transporte urbano masivo.")
					.funder("Banco de Desarrollo")
					.source("bd")
					.themes("mobility")
					.applicants("REGIONAL_GOVERNMENT")
					.deadline(inDays(100))
					.amount(10_000_000, "USD")
					.published("2026-10-01T00:00:00Z"),
				call(4, "en", "Loan facility for urban transport")
					.summary("Concessional loan for bus rapid transit corridors.")
					.funder("Development Bank")
					.source("bd")
					.status("CLOSED")
					.themes("mobility")
					.deadline(inDays(-10))
					.published("2026-09-01T00:00:00Z"),
				call(5, "fr", "Appel à projets : eau potable et assainissement")
					.summary("Subventions pour l'accès à l'eau potable dans les villes et leurs quartiers.")
					.funder("AFD")
					.source("afd")
					.status("FORTHCOMING")
					.themes("water")
					.applicants("LOCAL_GOVERNMENT", "NGO")
					.regions("AFRICA", "LATAM")
					.deadline(inDays(200))
					.amount(1_000_000, "EUR")
					.published("2026-11-15T00:00:00Z"),
				call(6, "pt", "Edital de mobilidade urbana sustentável")
					.summary("Apoio a projetos de mobilidade urbana e ciclovias em cidades brasileiras.")
					.funder("BNDES")
					.source("bndes")
					.themes("mobility")
					.applicants("LOCAL_GOVERNMENT")
					.regions("SOUTH_AMERICA")
					.deadline(inDays(10))
					.amount(100_000, "BRL")
					.published("2026-11-20T00:00:00Z"),
				call(7, "en", "Water and sanitation grants for cities")
					.summary("Grants for water supply and sanitation infrastructure in municipalities. "
							+ "Budget <b>limited</b> & competitive.")
					.funder("Global Cities Fund")
					.source("gcf")
					.themes("water")
					.applicants("LOCAL_GOVERNMENT")
					.regions("LATAM")
					.amount(40_000, "USD")
					.published("2026-11-05T00:00:00Z"),
				call(8, "es", "Fondo para patrimonio cultural del centro histórico")
					.summary("Restauración de edificios históricos y espacios públicos del centro.")
					.funder("AECID")
					.source("aecid")
					.themes("heritage")
					.applicants("LOCAL_GOVERNMENT")
					.regions("LATAM")
					.deadline(inDays(45))
					.amount(3_000_000, "USD")
					.published("2026-11-12T00:00:00Z"));
	}

	@AfterEach
	void close() throws Exception {
		this.fixture.close();
	}

	@Test
	void spanishQueryFindsEnglishAndPortugueseCallsThroughTheThesaurus() {
		List<Long> ids = this.fixture.ids("movilidad urbana");

		assertThat(ids).contains(1L, 6L).doesNotContain(5L, 7L, 8L);
	}

	@Test
	void spanishQueryFindsTheFrenchCallAboutDrinkingWater() {
		assertThat(this.fixture.ids("agua potable")).contains(5L);
	}

	@Test
	void accentsDoNotMatter() {
		assertThat(this.fixture.ids("ciclovias")).isEqualTo(this.fixture.ids("ciclovías")).contains(2L);
		assertThat(this.fixture.ids("PRESTAMOS")).contains(3L);
		assertThat(this.fixture.ids("historico restauracion")).containsExactly(8L);
	}

	@Test
	void stemmingMatchesSingularAndPluralInEachLanguage() {
		assertThat(this.fixture.ids("edificio")).containsExactly(8L);
		assertThat(this.fixture.ids("infrastructures")).containsExactly(7L);
		assertThat(this.fixture.ids("corridor")).containsExactly(4L);
		assertThat(this.fixture.ids("quartier")).containsExactly(5L);
		assertThat(this.fixture.ids("projeto brasileira")).containsExactly(6L);
	}

	@Test
	void englishQueryRanksTheCallThatSaysItFirst() {
		assertThat(this.fixture.ids("water sanitation").get(0)).isEqualTo(7L);
	}

	@Test
	void excludedTermsRemoveCallsInEveryLanguage() {
		// -préstamo also excludes "loan": the thesaurus groups them.
		assertThat(this.fixture.ids("movilidad urbana -préstamo")).contains(1L, 6L).doesNotContain(3L, 4L);
		assertThat(this.fixture.ids("transport NOT loan")).doesNotContain(3L, 4L).contains(1L);
		assertThat(this.fixture.ids("-préstamo")).hasSize(6).doesNotContain(3L, 4L);
	}

	@Test
	void facetCountsAreExact() {
		Map<String, List<SearchResult.FacetCount>> facets = this.fixture.search("").facets();

		assertThat(counts(facets, "funder")).containsExactlyInAnyOrderEntriesOf(Map.of("AECID", 2L,
				"Global Cities Fund", 2L, "Banco de Desarrollo", 1L, "Development Bank", 1L, "AFD", 1L, "BNDES", 1L));
		assertThat(counts(facets, "theme"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("mobility", 5L, "water", 2L, "heritage", 1L));
		assertThat(counts(facets, "status"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("open", 6L, "closed", 1L, "forthcoming", 1L));
		assertThat(counts(facets, "deadline")).containsExactlyInAnyOrderEntriesOf(Map.of("vencida", 1L, "30-dias", 2L,
				"90-dias", 2L, "180-dias", 1L, "mas-180-dias", 1L, "sin-fecha", 1L));
		assertThat(counts(facets, "amount")).containsExactlyInAnyOrderEntriesOf(
				Map.of("hasta-50k", 2L, "50k-250k", 1L, "250k-1m", 1L, "1m-5m", 2L, "mas-5m", 1L, "sin-monto", 1L));
		assertThat(counts(facets, "applicantType"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("LOCAL_GOVERNMENT", 6L, "REGIONAL_GOVERNMENT", 1L, "NGO", 1L));
		assertThat(counts(facets, "region"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("LATAM", 5L, "PE", 1L, "AFRICA", 1L, "SOUTH_AMERICA", 1L));
		assertThat(counts(facets, "source"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("aecid", 2L, "gcf", 2L, "bd", 2L, "afd", 1L, "bndes", 1L));
		assertThat(counts(facets, "language"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("es", 3L, "en", 3L, "fr", 1L, "pt", 1L));
	}

	@Test
	void facetCountsFollowTheQueryAndTheFilters() {
		SearchResult result = this.fixture.search.search(request("q", "movilidad", "status", "open"));

		assertThat(result.total()).isEqualTo(4);
		assertThat(counts(result.facets(), "status")).containsExactlyInAnyOrderEntriesOf(Map.of("open", 4L));
		assertThat(counts(result.facets(), "funder")).containsExactlyInAnyOrderEntriesOf(
				Map.of("Global Cities Fund", 1L, "AECID", 1L, "Banco de Desarrollo", 1L, "BNDES", 1L));
	}

	@Test
	void filtersByFacetDeadlineAndAmount() {
		assertThat(ids(request("theme", "water"))).containsExactlyInAnyOrder(5L, 7L);
		assertThat(ids(request("theme", "water", "theme", "heritage"))).containsExactlyInAnyOrder(5L, 7L, 8L);
		assertThat(ids(request("funder", "AECID", "theme", "heritage"))).containsExactly(8L);
		LocalDate today = LocalDate.of(2026, 11, 24);
		assertThat(ids(request("deadlineFrom", today.toString(), "deadlineTo", today.plusDays(50).toString())))
			.containsExactlyInAnyOrder(1L, 6L, 8L);
		// 200,000 EUR is 232,000 USD at the table's rate.
		assertThat(ids(request("amountMin", "100000", "amountMax", "600000"))).containsExactlyInAnyOrder(1L, 2L);
		assertThat(ids(request("q", "cities", "amountMax", "50000"))).containsExactly(7L);
	}

	@Test
	void sortsByDeadlineAndByNewestAndPages() {
		assertThat(ids(request("sort", "deadline"))).containsExactly(4L, 6L, 1L, 8L, 2L, 3L, 5L, 7L);
		assertThat(ids(request("sort", "newest"))).containsExactly(6L, 5L, 8L, 2L, 7L, 1L, 3L, 4L);
		SearchResult second = this.fixture.search.search(request("sort", "deadline", "page", "1", "size", "3"));
		assertThat(second.hits()).extracting(SearchResult.Hit::id).containsExactly(8L, 2L, 3L);
		assertThat(second.total()).isEqualTo(8);
		assertThat(second.hits().get(0).score()).isNull();
	}

	@Test
	void hitsShowDeadlineAmountApplicantsAndAnEscapedHighlightedSnippet() {
		SearchResult.Hit hit = this.fixture.search("sanitation").hits().get(0);

		assertThat(hit.id()).isEqualTo(7L);
		assertThat(hit.amountMax()).isEqualByComparingTo("40000");
		assertThat(hit.currency()).isEqualTo("USD");
		assertThat(hit.amountUsd()).isEqualTo(40_000L);
		assertThat(hit.applicantTypes()).containsExactly("LOCAL_GOVERNMENT");
		assertThat(hit.snippet()).contains("<mark>sanitation</mark>")
			.contains("&lt;b&gt;limited&lt;&#x2F;b&gt; &amp; competitive")
			.doesNotContain("<b>");
		assertThat(this.fixture.search.search(request("q", "sanitation", "snippets", "false")).hits().get(0).snippet())
			.isNull();
		// Only the title matches: the snippet is the opening of the summary.
		assertThat(this.fixture.search("patrimonio").hits().get(0).snippet()).startsWith("Restauración de edificios");
		SearchResult.Hit urban = this.fixture.search("mobility").hits().get(0);
		assertThat(urban.deadline()).isEqualTo(inDays(20));
	}

	@Test
	void malformedQueriesAreRefusedWithASpanishMessage() {
		for (String bad : List.of("movilidad AND (", "\"urban mobility", "title:", "agua OR", "[2020 TO")) {
			assertThatThrownBy(() -> this.fixture.search(bad)).as(bad)
				.isInstanceOf(SearchRequest.InvalidSearchException.class)
				.hasMessageContaining("no es válida");
		}
		assertThatThrownBy(() -> this.fixture.search.search(request("sort", "alphabet")))
			.hasMessageContaining("sort debe ser");
		assertThatThrownBy(() -> this.fixture.search.search(request("deadlineFrom", "31/12/2026")))
			.hasMessageContaining("AAAA-MM-DD");
	}

	@Test
	void csvExportHoldsEveryMatchingCallEscaped() {
		this.fixture.store(call(9, "es", "Convocatoria \"Ciudades, agua\" =2027").summary("Agua y saneamiento.")
			.funder("Fondo, Inc.")
			.themes("water")
			.amount(75_000, "EUR")
			.deadline(inDays(30)));

		String csv = CsvExport.write(this.fixture.search.all(request("theme", "water", "sort", "deadline")));

		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo(pe.gob.munlima.convoca.export.Csv.BOM
				+ "id,titulo,financiador,estado,fecha_limite,monto_min,monto_max,moneda,monto_usd,solicitantes,temas,idioma,url");
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).isEqualTo(
				"9,\"Convocatoria \"\"Ciudades, agua\"\" =2027\",\"Fondo, Inc.\",open,2026-12-24,,75000,EUR,87000,,water,es,https://funder.example/calls/9");
		assertThat(lines.get(2)).startsWith("5,Appel à projets : eau potable et assainissement,AFD,forthcoming,");
		assertThat(lines.get(3)).startsWith("7,Water and sanitation grants for cities,Global Cities Fund,open,,");
	}

	private List<Long> ids(SearchRequest request) {
		return this.fixture.search.search(request).hits().stream().map(SearchResult.Hit::id).toList();
	}

	static SearchRequest request(String... pairs) {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			params.add(pairs[i], pairs[i + 1]);
		}
		return SearchRequest.from(params);
	}

	private static Map<String, Long> counts(Map<String, List<SearchResult.FacetCount>> facets, String dim) {
		return facets.get(dim)
			.stream()
			.filter(count -> count.count() > 0)
			.collect(java.util.stream.Collectors.toMap(SearchResult.FacetCount::value, SearchResult.FacetCount::count));
	}

}
