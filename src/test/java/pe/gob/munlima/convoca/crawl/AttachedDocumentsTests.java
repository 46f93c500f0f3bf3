package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.RawField;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attached documents (issue 13, item 7) through the real fetcher and crawler against a
 * server on loopback: PDF, DOCX and ODT linked from the listing and the detail page reach
 * the reader as {@link RawField#DOCUMENT} with one marker per page; encrypted, malformed,
 * scanned, oversized and off-host documents are notes on the run while the call keeps
 * what its page says.
 */
class AttachedDocumentsTests {

	private HttpServer server;

	private String base;

	private final Map<String, byte[]> files = new ConcurrentHashMap<>();

	private final List<String> requested = new CopyOnWriteArrayList<>();

	private final List<String> notModified = new CopyOnWriteArrayList<>();

	private final Map<String, FetchStates.FetchState> remembered = new ConcurrentHashMap<>();

	private final Map<String, Map<String, List<String>>> readings = new ConcurrentHashMap<>();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
		page("/robots.txt", "User-agent: *\nDisallow: /privado/\n");
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void documentsLinkedFromTheListingAndTheDetailAreReadPageByPageWithMarkers() throws IOException {
		page("/lista", listing("<div class=\"item\"><h3><a href=\"/detalle/1\">Fondo de ciudades</a></h3>"
				+ "<a href=\"/docs/bases.pdf\">Bases</a></div>"));
		page("/detalle/1", "<html><body><div class=\"texto\"><p>Plazo: hasta el 15 de marzo de 2027.</p></div>"
				+ "<a href=\"/docs/anexo.docx\">Anexo técnico</a> <a href=\"/docs/Formulario%20de%20postulacion.odt\"></a>"
				+ "<a href=\"/docs/bases.pdf\">Bases (otra vez)</a> <a href=\"/noticias\">Noticias</a></body></html>");
		this.files.put("/docs/bases.pdf",
				TestDocuments.pdf(List.of("Bases del concurso\nObjetivo del fondo", "Pueden postular gobiernos locales",
						"Monto maximo: USD 50.000 por proyecto", "Plazo de ejecucion: 12 meses")));
		this.files.put("/docs/anexo.docx",
				TestDocuments.docx(List.of("Anexo tecnico\nPresupuesto detallado", "Cofinanciamiento del 20 %")));
		this.files.put("/docs/Formulario de postulacion.odt",
				TestDocuments.odt(List.of("Formulario\nDatos de la entidad", "Firma del alcalde")));

		Crawl crawl = crawl(definition(""), false);

		assertThat(crawl.calls()).hasSize(1);
		RawCall call = crawl.calls().get(0);
		assertThat(call.values(RawField.DEADLINE)).containsExactly("15 de marzo de 2027");
		assertThat(call.values(RawField.DOCUMENT)).containsExactly("""
				[Bases, p. 1]
				Bases del concurso
				Objetivo del fondo
				[Bases, p. 2]
				Pueden postular gobiernos locales
				[Bases, p. 3]
				Monto maximo: USD 50.000 por proyecto
				[Bases, p. 4]
				Plazo de ejecucion: 12 meses""", """
				[Anexo técnico, p. 1]
				Anexo tecnico
				Presupuesto detallado
				[Anexo técnico, p. 2]
				Cofinanciamiento del 20 %""", """
				[Formulario de postulacion, p. 1]
				Formulario
				Datos de la entidad
				[Formulario de postulacion, p. 2]
				Firma del alcalde""");
		// The PDF linked twice was fetched once; the news page is no document.
		assertThat(this.requested).containsOnlyOnce("/docs/bases.pdf").doesNotContain("/noticias");
		assertThat(crawl.progress().errors()).isEmpty();
	}

	@Test
	void badDocumentsAreNotesOnTheRunAndTheCallKeepsWhatItsPageSays() throws IOException {
		page("/lista",
				listing("<div class=\"item\"><h3><a href=\"/detalle/2\">Fondo con malos adjuntos</a></h3></div>"));
		page("/detalle/2", "<html><body><div class=\"texto\"><p>Plazo: hasta el 30 de abril de 2027.</p></div>"
				+ "<a href=\"/docs/cifrado.pdf\">Bases cifradas</a><a href=\"/docs/roto.pdf\">Bases rotas</a>"
				+ "<a href=\"/docs/cortado.pdf\">Bases cortadas</a><a href=\"/docs/escaneado.pdf\">Bases escaneadas</a>"
				+ "<a href=\"/docs/enorme.pdf\">Bases enormes</a><a href=\"/docs/mixto.pdf\">Bases mixtas</a>"
				+ "<a href=\"http://otro.example/bases.pdf\">Bases en otro host</a></body></html>");
		byte[] good = TestDocuments.pdf(List.of("Uno", "Dos", "Tres", "Cuatro", "Cinco"));
		this.files.put("/docs/cifrado.pdf", TestDocuments.encryptedPdf(List.of("Texto secreto")));
		this.files.put("/docs/roto.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nbasura sin fin"
			.getBytes(StandardCharsets.US_ASCII));
		this.files.put("/docs/cortado.pdf", Arrays.copyOf(good, 200));
		this.files.put("/docs/escaneado.pdf", TestDocuments.scannedPdf(3));
		byte[] huge = Arrays.copyOf(good, 1024 * 1024 + 1);
		Arrays.fill(huge, good.length, huge.length, (byte) ' ');
		this.files.put("/docs/enorme.pdf", huge);
		// The second page scanned: its text is lost, the others' is kept.
		this.files.put("/docs/mixto.pdf", TestDocuments.pdf(List.of("Primera pagina", " ", "Tercera pagina")));

		Crawl crawl = crawl(definition("documents: {maxMegabytes: 1, maxDocuments: 10}\n"), false);

		assertThat(crawl.calls()).hasSize(1);
		RawCall call = crawl.calls().get(0);
		assertThat(call.values(RawField.DEADLINE)).containsExactly("30 de abril de 2027");
		assertThat(call.values(RawField.DOCUMENT))
			.containsExactly("[Bases mixtas, p. 1]\nPrimera pagina\n[Bases mixtas, p. 3]\nTercera pagina");
		assertThat(crawl.progress().errors()).extracting(RunError::location).containsOnly(this.base + "/detalle/2");
		assertThat(crawl.progress().errors()).extracting(RunError::message)
			.anySatisfy(message -> assertThat(message).startsWith("documento «Bases cifradas»")
				.contains("cifrado con contraseña"))
			.anySatisfy(message -> assertThat(message).startsWith("documento «Bases rotas»").contains("dañado"))
			.anySatisfy(message -> assertThat(message).startsWith("documento «Bases cortadas»").contains("dañado"))
			.anySatisfy(message -> assertThat(message).startsWith("documento «Bases escaneadas»")
				.contains("no tiene capa de texto")
				.contains("3 páginas sin texto"))
			.anySatisfy(message -> assertThat(message).startsWith("documento «Bases enormes»")
				.contains("más de 1 MB (documents.maxMegabytes)"))
			.anySatisfy(message -> assertThat(message).startsWith("documento «Bases mixtas»")
				.contains("páginas sin texto (¿escaneadas?): 2"))
			.anySatisfy(message -> assertThat(message).startsWith("documento «Bases en otro host»")
				.contains("host que la definición no nombra"))
			.hasSize(7);
		assertThat(crawl.progress().complete()).isTrue();
	}

	@Test
	void aChosenSelectorFollowsLinksWithoutExtensionAndTheBytesTellTheFormat() throws IOException {
		page("/lista",
				listing("<div class=\"item\"><h3><a href=\"/detalle/3\">Convocatoria 3</a></h3>"
						+ "<a class=\"adjunto\" href=\"/descargar?id=7\">Términos de referencia</a>"
						+ "<a class=\"adjunto\" href=\"/pagina\">Más información</a>"
						+ "<a class=\"adjunto\" href=\"/descargar?id=8\">Anexo 1</a>"
						+ "<a class=\"adjunto\" href=\"/descargar?id=9\">Anexo 2</a></div>"));
		page("/detalle/3", "<html><body><div class=\"texto\"><p>Plazo: hasta el 1 de junio de 2027.</p></div>");
		page("/pagina", "<html><body>Una página, no un documento</body></html>");
		this.files.put("/descargar?id=7", TestDocuments.pdf(List.of("Solo gobiernos locales de America Latina")));
		this.files.put("/descargar?id=8", TestDocuments.pdf(List.of("Anexo uno")));
		this.files.put("/descargar?id=9", TestDocuments.pdf(List.of("Anexo dos")));

		Crawl crawl = crawl(definition("documents: {links: 'a.adjunto', maxDocuments: 3}\n"), false);

		assertThat(crawl.calls().get(0).values(RawField.DOCUMENT)).containsExactly(
				"[Términos de referencia, p. 1]\nSolo gobiernos locales de America Latina",
				"[Anexo 1, p. 1]\nAnexo uno");
		assertThat(crawl.progress().errors()).extracting(RunError::message)
			.anySatisfy(message -> assertThat(message).contains("tiene 4 documentos adjuntos; se leen los primeros 3"))
			.anySatisfy(message -> assertThat(message).startsWith("documento «Más información»")
				.contains("no es un PDF, DOCX ni ODT"));
		assertThat(this.requested).doesNotContain("/descargar?id=9");
	}

	@Test
	void aScheduledRunReusesTheTextOfAnUnchangedDocument() throws IOException {
		page("/lista", listing("<div class=\"item\"><h3><a href=\"/detalle/4\">Convocatoria 4</a></h3>"
				+ "<a href=\"/docs/bases4.pdf\">Bases</a></div>"));
		page("/detalle/4", "<html><body><div class=\"texto\"><p>Plazo: hasta el 1 de julio de 2027.</p></div>");
		this.files.put("/docs/bases4.pdf", TestDocuments.pdf(List.of("Pagina uno", "Pagina dos")));

		Crawl first = crawl(definition(""), true);
		Crawl second = crawl(definition(""), true);

		assertThat(second.calls().get(0).values(RawField.DOCUMENT))
			.containsExactly("[Bases, p. 1]\nPagina uno\n[Bases, p. 2]\nPagina dos")
			.isEqualTo(first.calls().get(0).values(RawField.DOCUMENT));
		assertThat(this.notModified).contains("/docs/bases4.pdf");
	}

	@Test
	void aSourceWithoutDocumentsFetchesNone() throws IOException {
		page("/lista", listing("<div class=\"item\"><h3><a href=\"/detalle/5\">Convocatoria 5</a></h3>"
				+ "<a href=\"/docs/bases5.pdf\">Bases</a></div>"));
		page("/detalle/5", "<html><body><div class=\"texto\"><p>Plazo: hasta el 1 de julio de 2027.</p></div>");
		this.files.put("/docs/bases5.pdf", TestDocuments.pdf(List.of("Pagina uno")));
		SourceDefinition source = definition("");
		SourceDefinition without = new SourceDefinition(source.id(), source.funder(), source.kind(), source.url(),
				source.language(), source.schedule(), source.checked(), source.politeness(), source.allowedHosts(),
				source.request(), source.pagination(), source.items(), source.fields(), source.detail(),
				source.filter(), source.limits());

		Crawl crawl = crawl(without, false);

		assertThat(crawl.calls().get(0).values(RawField.DOCUMENT)).isEmpty();
		assertThat(this.requested).doesNotContain("/docs/bases5.pdf");
	}

	@Test
	void theDocumentFieldsAreValidatedWithClearMessages() {
		SourceValidator validator = new SourceValidator(new Extractors());
		SourceDefinition bad = read("""
				id: prueba
				funder: Fondo
				kind: html
				url: https://example.org/lista
				items: div.item
				fields: {title: h3 a, link: h3 a@href}
				schedule: {cron: "0 0 6 * * ?"}
				documents: {links: 'a[href', maxDocuments: 0, maxMegabytes: 500, maxPages: 3000}
				""");
		assertThat(validator.validate("prueba.yaml", bad)).extracting(SourceProblem::field, SourceProblem::message)
			.anySatisfy(problem -> assertThat(problem.toList()).first().isEqualTo("documents.links"))
			.contains(org.assertj.core.groups.Tuple.tuple("documents.maxDocuments", "debe ser mayor que cero"),
					org.assertj.core.groups.Tuple.tuple("documents.maxMegabytes", "a lo más 100 MB por documento"),
					org.assertj.core.groups.Tuple.tuple("documents.maxPages", "a lo más 2000 páginas por documento"));
		SourceDefinition feed = read("""
				id: prueba
				funder: Fondo
				kind: rss
				url: https://example.org/feed.xml
				schedule: {cron: "0 0 6 * * ?"}
				documents: {}
				""");
		assertThat(validator.validate("prueba.yaml", feed)).extracting(SourceProblem::field, SourceProblem::message)
			.contains(org.assertj.core.groups.Tuple.tuple("documents",
					"solo para fuentes html o markdown (los enlaces se buscan con un selector CSS)"));
	}

	private SourceDefinition definition(String documents) {
		SourceDefinition definition = read("""
				id: prueba
				funder: Fondo de prueba
				kind: html
				url: BASE/lista
				items: div.item
				fields: {title: h3 a, link: h3 a@href}
				detail:
				  fields:
				    deadline: {from: div.texto p, all: true, pattern: 'hasta el (\\d+ de \\w+ de \\d{4})'}
				schedule: {cron: "0 0 6 * * ?"}
				""" + (documents.isEmpty() ? "documents: {}\n" : documents));
		assertThat(new SourceValidator(new Extractors()).validate("prueba.yaml", definition)).isEmpty();
		return definition;
	}

	private SourceDefinition read(String yaml) {
		return YAMLMapper.builder().build().readValue(yaml.replace("BASE", this.base), SourceDefinition.class);
	}

	private Crawl crawl(SourceDefinition source, boolean scheduled) {
		CrawlProperties properties = new CrawlProperties(Path.of("crawlers"), "ConvocaBot/test", Duration.ofSeconds(2),
				Duration.ofMillis(2000), 5L * 1024 * 1024, true, Duration.ZERO, Duration.ofMillis(10), Duration.ZERO,
				null, null);
		FetchStates states = new FetchStates() {
			@Override
			public Optional<FetchState> find(String url) {
				return Optional.ofNullable(AttachedDocumentsTests.this.remembered.get(url));
			}

			@Override
			public void save(String url, FetchState state) {
				AttachedDocumentsTests.this.remembered.put(url, state);
			}

			@Override
			public Optional<Map<String, List<String>>> reading(String url) {
				return Optional.ofNullable(AttachedDocumentsTests.this.readings.get(url));
			}

			@Override
			public void save(String url, FetchState state, Map<String, List<String>> reading) {
				save(url, state);
				AttachedDocumentsTests.this.readings.put(url, reading);
			}
		};
		SourceCrawler crawler = new SourceCrawler(new Fetcher(properties, states, Clock.systemUTC()), new Extractors(),
				Clock.systemUTC());
		CrawlProgress progress = new CrawlProgress();
		List<RawCall> calls = new ArrayList<>();
		crawler.crawl(source, scheduled, progress, calls::addAll);
		return new Crawl(calls, progress);
	}

	private void page(String path, String html) {
		this.files.put(path, html.getBytes(StandardCharsets.UTF_8));
	}

	private static String listing(String items) {
		return "<html><body>" + items + "</body></html>";
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		String key = query == null ? path : path + "?" + query;
		this.requested.add(key);
		byte[] body = this.files.get(key);
		if (body != null && path.startsWith("/docs/")) {
			String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				this.notModified.add(key);
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().add("ETag", etag);
		}
		if (body == null) {
			exchange.sendResponseHeaders(404, -1);
		}
		else {
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	private record Crawl(List<RawCall> calls, CrawlProgress progress) {
	}

}
