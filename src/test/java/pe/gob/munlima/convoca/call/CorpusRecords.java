package pe.gob.munlima.convoca.call;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real records of ../shared/corpus (read in place, never copied) mapped to raw calls
 * the way a source definition maps them: structured fields by canonical name
 * ({@link RawField}), text as the summary. Shared by the corpus tests and the
 * normalisation benchmark.
 */
final class CorpusRecords {

	static final Path CORPUS = Path.of("..", "shared", "corpus");

	static final SourceInfo GBIF = new SourceInfo("gbif-bid", "GBIF", null, ZoneId.of("Europe/Copenhagen"));

	static final SourceInfo EU = new SourceInfo("eu-funding-tenders", "European Commission", "en",
			ZoneId.of("Europe/Brussels"));

	static final SourceInfo EU_SEARCH = new SourceInfo("eu-search", "European Commission", null,
			ZoneId.of("Europe/Brussels"));

	static final SourceInfo GRANTS_GOV = new SourceInfo("grants-gov", "Grants.gov", "en", ZoneId.of("America/New_York"),
			"en-US", SourceInfo.SourceRole.FUNDER);

	static final SourceInfo SICON = new SourceInfo("sicon-bogota", "Secretaría de Cultura de Bogotá", "es",
			ZoneId.of("America/Bogota"), "es-CO", SourceInfo.SourceRole.FUNDER);

	static final SourceInfo GRANT_FORWARD = new SourceInfo("grantforward", "GrantForward", "en",
			ZoneId.of("America/New_York"), "en-US", SourceInfo.SourceRole.AGGREGATOR);

	static final SourceInfo WORLD_BANK = new SourceInfo("world-bank", "World Bank", null,
			ZoneId.of("America/New_York"));

	static final SourceInfo SECOP = new SourceInfo("secop", "SECOP II", "es", ZoneId.of("America/Bogota"), "es-CO",
			SourceInfo.SourceRole.AGGREGATOR);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CorpusRecords() {
	}

	static boolean present() {
		return Files.isDirectory(CORPUS);
	}

	/**
	 * Every text-bearing record of the corpus, by source: what the benchmark normalises.
	 */
	static List<Batch> all() throws Exception {
		List<Batch> batches = new ArrayList<>();
		List<RawCall> gbif = new ArrayList<>();
		try (var files = Files.list(CORPUS.resolve("gbif-bid-call-pages-md"))) {
			for (Path file : files.sorted().toList()) {
				gbif.add(markdown(file.getFileName().toString().replace(".md", "")));
			}
		}
		batches.add(new Batch(GBIF, gbif));
		List<RawCall> eu = new ArrayList<>();
		json("eu-ft-portal-sedia-derived/grants.json").get("grants").forEach(grant -> eu.add(euGrant(grant)));
		batches.add(new Batch(EU, eu));
		List<RawCall> euSearch = new ArrayList<>();
		json("eu-ft-portal-sedia-search-json/response.json").get("results")
			.forEach(result -> euSearch.add(euSearchResult(result)));
		batches.add(new Batch(EU_SEARCH, euSearch));
		List<RawCall> grantsGov = new ArrayList<>();
		json("grantsgov-search-json/oportunity.json").get("oppHits").forEach(hit -> grantsGov.add(grantsGovHit(hit)));
		json("grantsgov-search2-json/search2_community.json").get("data")
			.get("oppHits")
			.forEach(hit -> grantsGov.add(grantsGovHit(hit)));
		grantsGov.add(grantsGovDetails(json("grantsgov-fetchopportunity-legacy-json/demo_post_PAR-21-168.json")));
		grantsGov.add(grantsGovDetails(json("grantsgov-fetchopportunity-legacy-json/ies_sample_2.js")));
		for (Map<String, String> row : csv("grantsgov-xml-extract-as-csv/grantsgov_export.csv")) {
			grantsGov.add(extractRow(row));
		}
		batches.add(new Batch(GRANTS_GOV, grantsGov));
		List<RawCall> sicon = new ArrayList<>();
		json("sicon-colombia-convocatorias-json/convocatorias_publicadas_page1.json")
			.forEach(item -> sicon.add(sicon(item)));
		batches.add(new Batch(SICON, sicon));
		batches.add(new Batch(GRANT_FORWARD, grantForwardAll()));
		List<RawCall> worldBank = new ArrayList<>();
		json("worldbank-procnotices-json/procnotices_page1.json")
			.forEach(notice -> worldBank.add(worldBankNotice(notice, true)));
		batches.add(new Batch(WORLD_BANK, worldBank));
		List<RawCall> secop = new ArrayList<>();
		json("secop2-colombia-json/page1_tecnologia_2026.json").forEach(process -> secop.add(secopProcess(process)));
		batches.add(new Batch(SECOP, secop));
		return batches;
	}

	static RawCall euSearchResult(JsonNode result) {
		JsonNode metadata = result.get("metadata");
		String identifier = metadata.get("identifier").get(0).asString();
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		fields.put(RawField.REFERENCE, List.of(identifier));
		fields.put(RawField.STATUS, strings(metadata.get("status")));
		fields.put(RawField.DEADLINE, strings(metadata.get("deadlineDate")));
		fields.put(RawField.OPENS_AT, strings(metadata.get("startDate")));
		fields.put(RawField.LANGUAGE, List.of(result.get("language").asString()));
		String html = metadata.has("descriptionByte") ? metadata.get("descriptionByte").get(0).asString("") : "";
		return new RawCall(identifier, metadata.get("title").get(0).asString(), result.get("url").asString(), html,
				null, fields);
	}

	static RawCall extractRow(Map<String, String> row) {
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		fields.put(RawField.REFERENCE, List.of(row.get("OpportunityNumber")));
		fields.put(RawField.DEADLINE, List.of(row.get("CloseDate")));
		fields.put(RawField.OPENS_AT, List.of(row.get("PostDate")));
		fields.put(RawField.AMOUNT_MAX, List.of(row.get("AwardCeiling")));
		fields.put(RawField.AMOUNT_MIN, List.of(row.get("AwardFloor")));
		fields.put(RawField.TOTAL_BUDGET, List.of(row.get("EstimatedTotalProgramFunding")));
		fields.put(RawField.CURRENCY, List.of("USD"));
		fields.put(RawField.APPLICANT_TYPES, List.of(row.get("EligibleApplicants")));
		fields.put(RawField.INSTRUMENT, List.of(row.get("FundingInstrumentType")));
		return new RawCall(row.get("OpportunityID"), row.get("OpportunityTitle"), row.get("AdditionalInformationURL"),
				row.get("Description"), null, fields);
	}

	static List<RawCall> grantForwardAll() throws Exception {
		List<RawCall> calls = new ArrayList<>();
		var factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		var document = factory.newDocumentBuilder()
			.parse(CORPUS.resolve("grantforward-export-xml/grants.xml").toFile());
		NodeList grants = document.getElementsByTagName("grant");
		for (int i = 0; i < grants.getLength(); i++) {
			calls.add(grantForward((Element) grants.item(i)));
		}
		return calls;
	}

	/**
	 * @param withType whether the notice type is given as the INSTRUMENT field
	 */
	static RawCall worldBankNotice(JsonNode notice, boolean withType) {
		Map<RawField, List<String>> fields = withType
				? Map.of(RawField.INSTRUMENT, List.of(notice.get("notice_type").asString())) : Map.of();
		return new RawCall(notice.get("id").asString(), notice.get("bid_description").asString(), null,
				notice.get("notice_text").asString(""), null, fields);
	}

	static RawCall secopProcess(JsonNode process) {
		return new RawCall(process.get("id_del_proceso").asString(), process.get("nombre_del_procedimiento").asString(),
				null, process.get("descripci_n_del_procedimiento").asString(""), null,
				Map.of(RawField.INSTRUMENT,
						List.of(process.get("modalidad_de_contratacion").asString(),
								process.get("tipo_de_contrato").asString()),
						RawField.AMOUNT_MAX, List.of(process.get("precio_base").asString()), RawField.CURRENCY,
						List.of("COP")));
	}

	/** One source's records. */
	record Batch(SourceInfo source, List<RawCall> calls) {
	}

	static RawCall markdown(String name) throws IOException {
		String text = Files.readString(CORPUS.resolve("gbif-bid-call-pages-md/" + name + ".md"),
				StandardCharsets.UTF_8);
		String[] parts = text.split("(?m)^---\\s*$", 3);
		String body = parts.length == 3 ? parts[2] : text;
		String title = parts.length == 3 ? parts[1].lines()
			.filter(line -> line.startsWith("title:"))
			.map(line -> line.substring(6).strip())
			.findFirst()
			.orElse(name) : name;
		String html = body.lines()
			.filter(line -> !line.isBlank())
			.map(line -> "<p>" + line.replace("<", "&lt;") + "</p>")
			.collect(Collectors.joining());
		return new RawCall(name, title, "https://www.gbif.org/" + name, html, null);
	}

	static RawCall euGrant(JsonNode grant) {
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		fields.put(RawField.REFERENCE, List.of(grant.get("identifier").asString()));
		fields.put(RawField.STATUS, List.of(grant.get("status").get("id").asString()));
		fields.put(RawField.DEADLINE, List.of(grant.get("deadlineDate").asString("")));
		fields.put(RawField.OPENS_AT, List.of(grant.get("startDate").asString("")));
		fields.put(RawField.INSTRUMENT, List.of(grant.get("kind").get("label").asString()));
		fields.put(RawField.PROGRAMME, strings(grant.get("frameworkProgrammes"), "label"));
		JsonNode budget = grant.get("budget");
		if (budget != null && !budget.isNull()) {
			fields.put(RawField.TOTAL_BUDGET, List.of(budget.path("totalBudgetEur").asString("")));
			fields.put(RawField.AMOUNT_MIN, List.of(budget.path("minContributionEur").asString("")));
			fields.put(RawField.AMOUNT_MAX, List.of(budget.path("maxContributionEur").asString("")));
			fields.put(RawField.CURRENCY, List.of("EUR"));
		}
		fields.put(RawField.THEMES, List.of(grant.get("searchText").asString("")));
		return new RawCall(grant.get("identifier").asString(), grant.get("title").asString(),
				grant.get("url").asString(), grant.get("summary").asString(""), null, fields);
	}

	static RawCall grantsGovHit(JsonNode hit) {
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		fields.put(RawField.REFERENCE, List.of(hit.get("number").asString()));
		fields.put(RawField.DEADLINE, List.of(hit.get("closeDate").asString("")));
		fields.put(RawField.OPENS_AT, List.of(hit.get("openDate").asString("")));
		fields.put(RawField.STATUS, List.of(hit.get("oppStatus").asString()));
		fields.put(RawField.FUNDER, List.of(hit.get("agency").asString(hit.path("agencyName").asString(""))));
		return new RawCall(hit.get("number").asString(), hit.get("title").asString(),
				"https://www.grants.gov/search-results-detail/" + hit.get("id").asString(), "", null, fields);
	}

	static RawCall grantsGovDetails(JsonNode details) {
		JsonNode synopsis = details.get("synopsis");
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		fields.put(RawField.REFERENCE, List.of(details.get("opportunityNumber").asString()));
		fields.put(RawField.DEADLINE, List.of(synopsis.get("responseDate").asString("")));
		fields.put(RawField.OPENS_AT, List.of(synopsis.get("postingDate").asString("")));
		fields.put(RawField.AMOUNT_MAX, List.of(synopsis.get("awardCeiling").asString("")));
		fields.put(RawField.AMOUNT_MIN, List.of(synopsis.get("awardFloor").asString("")));
		fields.put(RawField.CURRENCY, List.of("USD"));
		fields.put(RawField.APPLICANT_TYPES, strings(synopsis.get("applicantTypes"), "id"));
		fields.put(RawField.INSTRUMENT, strings(synopsis.get("fundingInstruments"), "id"));
		fields.put(RawField.CO_FINANCING, List.of(synopsis.get("costSharing").asString("")));
		fields.put(RawField.ELIGIBILITY, List.of(synopsis.path("applicantEligibilityDesc").asString("")));
		return new RawCall(details.get("opportunityNumber").asString(), details.get("opportunityTitle").asString(),
				null, synopsis.path("synopsisDesc").asString(""), null, fields);
	}

	static RawCall sicon(JsonNode item) {
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		List<String> deadlines = new ArrayList<>();
		List<String> openings = new ArrayList<>();
		for (JsonNode event : item.get("cronograma")) {
			String kind = event.get("tipo_evento").asString();
			String value = kind + ": " + event.get("fecha_inicio").asString();
			if (kind.equals("Fecha de cierre")) {
				deadlines.add(value);
			}
			else if (kind.equals("Fecha de apertura")) {
				openings.add(value);
			}
		}
		fields.put(RawField.DEADLINE, deadlines);
		fields.put(RawField.OPENS_AT, openings);
		fields.put(RawField.TOTAL_BUDGET,
				List.of(item.get("distribucion_estimulos").get("valor_total_estimulos").asString()));
		fields.put(RawField.STATUS, List.of(item.get("estado").asString()));
		fields.put(RawField.FUNDER, List.of(item.get("entidad").asString()));
		fields.put(RawField.THEMES, List.of(item.get("area").asString()));
		String html = item.get("justificacion").asString("") + "<p>"
				+ item.get("distribucion_estimulos").get("descripcion_bolsa").asString("") + "</p>";
		return new RawCall(item.get("id").asString(), item.get("nombre").asString(), null, html, null, fields);
	}

	static RawCall grantForward(Element grant) {
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		fields.put(RawField.AMOUNT, List.of(text(grant, "amount_info")));
		fields.put(RawField.STATUS, List.of(text(grant, "status")));
		fields.put(RawField.INSTRUMENT, List.of(text(grant, "site_grant_type")));
		fields.put(RawField.ELIGIBILITY, List.of(text(grant, "eligibility")));
		List<String> deadlines = new ArrayList<>();
		NodeList nodes = grant.getElementsByTagName("deadline");
		for (int i = 0; i < nodes.getLength(); i++) {
			deadlines.add(nodes.item(i).getTextContent());
		}
		fields.put(RawField.DEADLINE, deadlines);
		String amountInfo = text(grant, "amount_info").replace("\n", "</p><p>");
		return new RawCall(grant.getAttribute("id"), text(grant, "title"), text(grant, "url"),
				"<p>" + text(grant, "description").replace("\n", "</p><p>") + "</p><p>" + amountInfo + "</p>", null,
				fields);
	}

	static String text(Element parent, String tag) {
		NodeList nodes = parent.getElementsByTagName(tag);
		return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
	}

	static JsonNode json(String file) throws IOException {
		return JSON.readTree(Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8));
	}

	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach(node -> values.add(node.asString()));
		}
		return values;
	}

	static List<String> strings(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		if (array != null && array.isArray()) {
			array.forEach(node -> values.add(node.get(field).asString()));
		}
		return values;
	}

	/** A small CSV reader: quoted fields may hold commas, quotes and line breaks. */
	static List<Map<String, String>> csv(String file) throws IOException {
		String content = Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else if (c != '\r') {
				field.append(c);
			}
		}
		if (!record.isEmpty() || field.length() > 0) {
			record.add(field.toString());
			records.add(record);
		}
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> values : records.subList(1, records.size())) {
			Map<String, String> row = new java.util.HashMap<>();
			for (int i = 0; i < header.size() && i < values.size(); i++) {
				row.put(header.get(i), values.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

}
