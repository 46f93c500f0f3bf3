package pe.gob.munlima.convoca.search;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import pe.gob.munlima.convoca.requirement.GivenRequirements;
import pe.gob.munlima.convoca.requirement.Requirements;
import pe.gob.munlima.convoca.call.CallView;

/**
 * A seeded generator of realistic calls for the search benchmark: about 5 KB of text
 * each, Spanish, English, French and Portuguese mixed as Convoca sees them, deadlines
 * from two months past to a year ahead, amounts from 10 thousand to 20 million in six
 * currencies, 40 funders, 1–3 themes each. Call {@code n} is always the same call, so
 * pages can be made on any thread and the database and the index see the same calls.
 * Public for the capacity benchmark of the match module.
 */
public final class BenchmarkCalls {

	public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private static final String[] LANGUAGES = { "es", "es", "es", "es", "en", "en", "en", "fr", "fr", "pt" };

	/** The theme id of each entry of {@link #TOPICS}, in the same order. */
	private static final String[] THEMES = { "mobility", "mobility", "mobility", "climate", "water", "water", "waste",
			"waste", "heritage", "heritage", "tourism", "ict", "governance", "security", "gender", "social-inclusion",
			"health", "education", "disaster-risk", "urban-development", "housing", "economic-development",
			"environment", "environment" };

	private static final String[] CURRENCIES = { "USD", "USD", "EUR", "EUR", "GBP", "CAD", "JPY", "BRL" };

	private static final String[] APPLICANTS = { "LOCAL_GOVERNMENT", "REGIONAL_GOVERNMENT", "PUBLIC_BODY", "NGO",
			"UNIVERSITY", "COMPANY" };

	private static final String[] REGIONS = { "LATAM", "PE", "SOUTH_AMERICA", "ANDEAN", "ODA", "GLOBAL", "AFRICA",
			"ASIA", "CARIBBEAN", "EU" };

	private static final String[] FUNDERS = new String[40];

	static {
		String[] names = { "AECID", "AFD", "GIZ", "JICA", "KOICA", "USAID", "Unión Europea", "BID", "CAF",
				"Banco Mundial", "PNUD", "UNESCO", "ONU-Hábitat", "Fondo Verde del Clima", "FIDA",
				"Bloomberg Philanthropies", "Fundación Ford", "Open Society", "Rockefeller Foundation", "C40 Cities",
				"ICLEI", "UCLG", "Euroclima+", "AL-LAs", "Cooperación Suiza COSUDE", "Embajada de Canadá",
				"Global Affairs Canada", "FCDO", "Japan Foundation", "Fondo Ítalo-Peruano",
				"Fondo Contravalor Perú-Alemania", "BNDES", "Fundo Amazônia", "Agence Française", "Expertise France",
				"Interreg", "Horizon Europe", "IDRC", "Wellcome Trust", "Fundación Telefónica" };
		System.arraycopy(names, 0, FUNDERS, 0, FUNDERS.length);
	}

	/** Theme words per language, as funders write them. */
	private static final Map<String, String[]> TOPICS = Map.of("es",
			new String[] { "movilidad urbana", "transporte público", "ciclovías", "cambio climático", "agua potable",
					"saneamiento", "residuos sólidos", "reciclaje", "patrimonio cultural", "centro histórico",
					"turismo sostenible", "transformación digital", "gobierno abierto", "seguridad ciudadana",
					"igualdad de género", "inclusión social", "salud pública", "educación",
					"gestión del riesgo de desastres", "espacios públicos", "vivienda social", "emprendimiento",
					"áreas verdes", "biodiversidad" },
			"en",
			new String[] { "urban mobility", "public transport", "cycling lanes", "climate change", "drinking water",
					"sanitation", "solid waste", "recycling", "cultural heritage", "historic centre",
					"sustainable tourism", "digital transformation", "open government", "citizen security",
					"gender equality", "social inclusion", "public health", "education", "disaster risk reduction",
					"public spaces", "affordable housing", "entrepreneurship", "green spaces", "biodiversity" },
			"fr",
			new String[] { "mobilité urbaine", "transports publics", "pistes cyclables", "changement climatique",
					"eau potable", "assainissement", "déchets solides", "recyclage", "patrimoine culturel",
					"centre historique", "tourisme durable", "transformation numérique", "gouvernement ouvert",
					"sécurité citoyenne", "égalité de genre", "inclusion sociale", "santé publique", "éducation",
					"réduction des risques de catastrophe", "espaces publics", "logement social", "entrepreneuriat",
					"espaces verts", "biodiversité" },
			"pt",
			new String[] { "mobilidade urbana", "transporte público", "ciclovias", "mudança climática", "água potável",
					"saneamento", "resíduos sólidos", "reciclagem", "patrimônio cultural", "centro histórico",
					"turismo sustentável", "transformação digital", "governo aberto", "segurança cidadã",
					"igualdade de gênero", "inclusão social", "saúde pública", "educação",
					"redução de riscos de desastres", "espaços públicos", "habitação social", "empreendedorismo",
					"áreas verdes", "biodiversidade" });

	/** Sentence frames per language; {t} is a topic, {p} a place, {n} a number. */
	private static final Map<String, String[]> FRAMES = Map.of("es", new String[] {
			"La convocatoria financia proyectos de {t} en ciudades de {p} con un presupuesto de hasta {n} mil.",
			"Pueden postular gobiernos locales, municipalidades y organizaciones de la sociedad civil de {p}.",
			"Las propuestas deben demostrar impacto medible en {t} y contar con cofinanciamiento del {n} por ciento.",
			"Se priorizarán iniciativas que integren {t} con la participación de comunidades vulnerables.",
			"El plazo de ejecución no podrá superar los {n} meses y el informe final será obligatorio.",
			"Los documentos deben presentarse en español o inglés a través de la plataforma en línea.",
			"Las subvenciones no son reembolsables y cubren asistencia técnica, equipamiento y capacitación.",
			"Se valorará la experiencia previa en {t} y las alianzas con universidades de {p}." }, "en",
			new String[] { "This call funds {t} projects in cities across {p} with grants of up to {n} thousand.",
					"Eligible applicants include local governments, municipalities and civil society organisations in {p}.",
					"Proposals must show measurable results in {t} and provide co-financing of {n} percent.",
					"Priority is given to initiatives that combine {t} with the participation of vulnerable communities.",
					"The implementation period may not exceed {n} months and a final report is required.",
					"Applications are submitted online in English, Spanish or French before the deadline.",
					"Grants are non-reimbursable and cover technical assistance, equipment and training.",
					"Previous experience in {t} and partnerships with universities in {p} will be assessed." },
			"fr",
			new String[] {
					"Cet appel finance des projets de {t} dans les villes de {p} avec des subventions jusqu'à {n} mille.",
					"Sont éligibles les collectivités locales, les municipalités et les associations de {p}.",
					"Les propositions doivent démontrer des résultats mesurables en {t} et un cofinancement de {n} pour cent.",
					"La priorité est donnée aux initiatives qui associent {t} et la participation des communautés vulnérables.",
					"La durée de mise en œuvre ne peut dépasser {n} mois et un rapport final est exigé.",
					"Les dossiers sont déposés en ligne en français, anglais ou espagnol avant la date limite.",
					"Les subventions ne sont pas remboursables et couvrent l'assistance technique et la formation.",
					"L'expérience en {t} et les partenariats avec des universités de {p} seront évalués." },
			"pt",
			new String[] { "O edital financia projetos de {t} em cidades de {p} com recursos de até {n} mil.",
					"Podem se candidatar governos locais, prefeituras e organizações da sociedade civil de {p}.",
					"As propostas devem demonstrar resultados mensuráveis em {t} e contrapartida de {n} por cento.",
					"Serão priorizadas iniciativas que combinem {t} com a participação de comunidades vulneráveis.",
					"O prazo de execução não poderá ultrapassar {n} meses e o relatório final é obrigatório.",
					"As propostas são enviadas pela plataforma em português, espanhol ou inglês.",
					"Os recursos não são reembolsáveis e cobrem assistência técnica, equipamentos e capacitação.",
					"Será avaliada a experiência em {t} e as parcerias com universidades de {p}." });

	private static final String[] PLACES = { "América Latina", "Lima", "Perú", "los Andes", "la Amazonía", "Sudamérica",
			"el Caribe", "Bogotá", "Quito", "La Paz", "Santiago", "São Paulo", "Ciudad de México", "Centroamérica",
			"África Occidental", "el Sudeste Asiático" };

	private static final String[] TITLES = { "Convocatoria", "Call for proposals", "Appel à projets", "Edital" };

	private final long seed;

	public BenchmarkCalls(long seed) {
		this.seed = seed;
	}

	/** Calls {@code from} (inclusive) to {@code to} (exclusive); ids are n + 1. */
	List<CallView> page(int from, int to) {
		List<CallView> calls = new ArrayList<>(to - from);
		for (int n = from; n < to; n++) {
			calls.add(call(n));
		}
		return calls;
	}

	public CallView call(int n) {
		SplittableRandom random = new SplittableRandom(this.seed * 1_000_003L + n);
		String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
		String[] topics = TOPICS.get(language);
		String[] frames = FRAMES.get(language);
		int themeCount = 1 + random.nextInt(3);
		List<String> themes = new ArrayList<>();
		List<String> topicWords = new ArrayList<>();
		for (int i = 0; i < themeCount; i++) {
			int t = random.nextInt(topics.length);
			topicWords.add(topics[t]);
			String theme = THEMES[t];
			if (!themes.contains(theme)) {
				themes.add(theme);
			}
		}
		String place = PLACES[random.nextInt(PLACES.length)];
		String title = TITLES[List.of("es", "en", "fr", "pt").indexOf(language)] + " " + (2026 + random.nextInt(2))
				+ ": " + topicWords.get(0) + " — " + place + " (" + code(random) + ")";
		StringBuilder text = new StringBuilder(5_400);
		while (text.length() < 4_800 + random.nextInt(600)) {
			String frame = frames[random.nextInt(frames.length)];
			text.append(frame.replace("{t}", topicWords.get(random.nextInt(topicWords.size())))
				.replace("{p}", PLACES[random.nextInt(PLACES.length)])
				.replace("{n}", Integer.toString(5 + random.nextInt(995))));
			// Names, codes and references make each call's vocabulary partly its own,
			// as real calls are.
			if (random.nextInt(3) == 0) {
				text.append(" Ref. ").append(code(random)).append(", lote ").append(random.nextInt(10_000)).append('.');
			}
			text.append(random.nextInt(5) == 0 ? "\n" : " ");
		}
		Instant deadline = random.nextInt(20) == 0 ? null
				: NOW.plus(Duration.ofHours(random.nextLong(-60 * 24, 365 * 24)));
		Instant published = NOW.minus(Duration.ofHours(random.nextLong(1, 400 * 24)));
		String status = deadline == null || deadline.isAfter(NOW) ? (random.nextInt(10) == 0 ? "FORTHCOMING" : "OPEN")
				: "CLOSED";
		BigDecimal amount = random.nextInt(8) == 0 ? null
				: BigDecimal.valueOf(Math.round(Math.exp(Math.log(10_000) + random.nextDouble() * Math.log(2_000))));
		String currency = amount == null ? null : CURRENCIES[random.nextInt(CURRENCIES.length)];
		String funder = FUNDERS[(int) Math.floor(Math.pow(random.nextDouble(), 2) * FUNDERS.length)];
		List<String> applicants = pick(random, APPLICANTS, 1 + random.nextInt(3));
		List<String> regions = pick(random, REGIONS, 1 + random.nextInt(2));
		String source = "fuente-" + (funder.hashCode() & 0xff) % 50;
		return new CallView(n + 1L, source, "bench-" + n, "https://funder.example/calls/" + n, funder, title,
				text.toString(), text.toString(), language, published, null, deadline,
				deadline == null ? null : "America/Lima", status, themes,
				GivenRequirements.of("amountMax", amount, "currency", currency, "applicantTypes", applicants,
						"eligibleGeographies", regions, "reimbursable", false),
				Map.of(), published, published, null, null, null, null, List.of(), List.of());
	}

	private static String code(SplittableRandom random) {
		return Character.toString('A' + random.nextInt(26)) + Character.toString('A' + random.nextInt(26)) + "-"
				+ (1000 + random.nextInt(9000));
	}

	private static List<String> pick(SplittableRandom random, String[] values, int count) {
		List<String> picked = new ArrayList<>();
		while (picked.size() < count) {
			String value = values[random.nextInt(values.length)];
			if (!picked.contains(value)) {
				picked.add(value);
			}
		}
		return picked;
	}

}
