package pe.gob.munlima.convoca;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realistic data for the page tests, loaded the way the office gets it: a funder's RSS
 * feed ({@code pages/funder-feed.xml}, written for these tests) served over HTTP by a
 * local server, read by a source definition in the crawler folder, crawled through the
 * API. With the demo portfolio and feed, the shared context then has calls closing soon,
 * new matches, a source that ran, and a call whose summary carries a script.
 */
public final class WebFixtures {

	public static final String SOURCE = "fondo-ciudades-prueba";

	/** Eligible for P-13 (water), open until February 2027. */
	public static final String WATER_CALL = "Fondo de Agua Potable y Saneamiento para Ciudades Andinas 2027";

	/**
	 * Closes on 10 December 2026: within 30 days of the pinned today, too soon to
	 * approve.
	 */
	public static final String SECURITY_CALL = "Premio a la prevención del delito en espacios públicos";

	/** Its summary holds a script, an inline handler and a javascript: link. */
	public static final String HOSTILE_CALL = "Convocatoria de gestión de residuos sólidos con resumen peligroso";

	/** What the hostile summary's scripts would show if one ever ran. */
	public static final String XSS_MARKER = "convoca-xss";

	private static final HttpServer FUNDER = start();

	private static boolean loaded;

	private WebFixtures() {
	}

	private static HttpServer start() {
		try {
			byte[] feed;
			try (InputStream in = WebFixtures.class.getResourceAsStream("/pages/funder-feed.xml")) {
				feed = in.readAllBytes();
			}
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/feed.xml", exchange -> {
				exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
				exchange.sendResponseHeaders(200, feed.length);
				exchange.getResponseBody().write(feed);
				exchange.close();
			});
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the funder's source definition into the crawler folder of a workspace. */
	static void writeSource(Path crawlers) {
		try {
			Files.writeString(crawlers.resolve(SOURCE + ".yaml"), String.format(Locale.ROOT, """
					id: %s
					funder: Fondo de Prueba para Ciudades
					kind: rss
					url: http://127.0.0.1:%d/feed.xml
					language: es
					schedule:
					  cron: "0 0 6 * * ?"
					checked: test fixture written for the page tests (src/test/resources/pages/funder-feed.xml)
					""", SOURCE, FUNDER.getAddress().getPort()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Crawls the funder once per test JVM, through the API, and waits until its calls are
	 * searchable.
	 */
	public static synchronized void load(Api api) {
		if (loaded) {
			return;
		}
		JsonNode run = api.post("/api/admin/sources/" + SOURCE + "/run");
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> api.get("/api/calls/search?q=saneamiento").get("total").asLong() > 0);
		loaded = true;
	}

}
