package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The crawler's manners and safety against a real HTTP server on loopback. */
class FetcherTests {

	private HttpServer server;

	private String base;

	private final Map<String, FetchStates.FetchState> remembered = new ConcurrentHashMap<>();

	private final List<Long> feedRequests = new CopyOnWriteArrayList<>();

	private final AtomicInteger flakyCalls = new AtomicInteger();

	private volatile String lastIfNoneMatch;

	private volatile boolean crawlDelay;

	private volatile boolean closeAfterRobots;

	private final AtomicInteger robotsServed = new AtomicInteger();

	private volatile String lastBody;

	private volatile String lastType;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/robots.txt", exchange -> {
			if (this.closeAfterRobots) {
				// A new connection for the next request: it has to resolve the name
				// again.
				exchange.getResponseHeaders().add("Connection", "close");
			}
			// Counted before the answer leaves: the client may resolve the name for its
			// next request before this handler returns.
			this.robotsServed.incrementAndGet();
			respond(exchange, 200, "User-agent: convocabot\n" + "Disallow: /privado/\n"
					+ (this.crawlDelay ? "Crawl-delay: 1\n" : "") + "\nUser-agent: *\nDisallow: /\n");
		});
		this.server.createContext("/feed.xml", exchange -> {
			this.feedRequests.add(System.nanoTime());
			this.lastIfNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
			if ("\"v1\"".equals(this.lastIfNoneMatch)) {
				respond(exchange, 304, null);
				return;
			}
			exchange.getResponseHeaders().add("ETag", "\"v1\"");
			respond(exchange, 200, "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
		});
		this.server.createContext("/sin-etag.xml",
				exchange -> respond(exchange, 200, "<rss version=\"2.0\"><channel><title>u</title></channel></rss>"));
		this.server.createContext("/privado/feed.xml", exchange -> respond(exchange, 200, "secret"));
		this.server.createContext("/lento.xml", exchange -> {
			sleep(2500);
			respond(exchange, 200, "late");
		});
		this.server.createContext("/bucle", exchange -> {
			exchange.getResponseHeaders().add("Location", "/bucle");
			respond(exchange, 302, null);
		});
		this.server.createContext("/enorme.xml", exchange -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				byte[] chunk = new byte[1024 * 1024];
				for (int i = 0; i < 20; i++) {
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// The crawler hung up after its cap, as it should.
			}
		});
		this.server.createContext("/inestable.xml", exchange -> {
			if (this.flakyCalls.incrementAndGet() == 1) {
				respond(exchange, 503, "busy");
			}
			else {
				respond(exchange, 200, "<rss version=\"2.0\"><channel><title>ok</title></channel></rss>");
			}
		});
		this.server.createContext("/afuera", exchange -> {
			exchange.getResponseHeaders()
				.add("Location", "http://localhost:" + this.server.getAddress().getPort() + "/feed.xml");
			respond(exchange, 302, null);
		});
		this.server.createContext("/buscar", exchange -> {
			this.lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.lastType = exchange.getRequestHeaders().getFirst("Content-Type");
			respond(exchange, 200, "{\"hits\": []}");
		});
		this.server.createContext("/grande.xml", exchange -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				byte[] chunk = new byte[1024 * 1024];
				for (int i = 0; i < 9; i++) {
					out.write(chunk);
				}
			}
		});
		this.server.createContext("/caido.xml", exchange -> {
			this.flakyCalls.incrementAndGet();
			respond(exchange, 503, "down");
		});
		this.server.createContext("/goteo.xml", exchange -> {
			// Headers at once, then one byte every 300 ms: each read is quick, the whole
			// body would take 30 s.
			exchange.sendResponseHeaders(200, 100);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 100; i++) {
					out.write('x');
					out.flush();
					sleep(300);
				}
			}
			catch (IOException ex) {
				// The crawler hung up at its deadline, as it should.
			}
		});
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void robotsTxtDisallowingAPathIsHonoured() {
		assertThatThrownBy(() -> fetcher(true).fetch(this.base + "/privado/feed.xml", Duration.ZERO, true))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("el robots.txt no permite leerla");
	}

	@Test
	void anUnchangedPageCostsNothingThroughConditionalGetOrItsHash() {
		Fetcher fetcher = fetcher(true);
		Fetched first = fetcher.fetch(this.base + "/feed.xml", Duration.ZERO, true);
		assertThat(first.changed()).isTrue();
		fetcher.remember(this.base + "/feed.xml", first);

		Fetched second = fetcher.fetch(this.base + "/feed.xml", Duration.ZERO, true);
		assertThat(this.lastIfNoneMatch).isEqualTo("\"v1\"");
		assertThat(second.changed()).isFalse();
		assertThat(second.unchangedBy()).isEqualTo("304");

		Fetched unvalidated = fetcher.fetch(this.base + "/sin-etag.xml", Duration.ZERO, true);
		assertThat(fetcher.fetch(this.base + "/sin-etag.xml", Duration.ZERO, true).changed())
			.as("nothing is remembered until the body was used")
			.isTrue();
		fetcher.remember(this.base + "/sin-etag.xml", unvalidated);
		assertThat(fetcher.fetch(this.base + "/sin-etag.xml", Duration.ZERO, true).unchangedBy()).isEqualTo("hash");
		assertThat(fetcher.fetch(this.base + "/sin-etag.xml", Duration.ZERO, false).changed())
			.as("a test of a source always reads the page")
			.isTrue();
	}

	@Test
	void aServerErrorIsRetriedWithBackoffAndThenSucceeds() {
		Fetched fetched = fetcher(true).fetch(this.base + "/inestable.xml", Duration.ZERO, true);
		assertThat(fetched.changed()).isTrue();
		assertThat(this.flakyCalls.get()).isEqualTo(2);
	}

	@Test
	void retriesAreBounded() {
		assertThatThrownBy(() -> fetcher(true).fetch(this.base + "/caido.xml", Duration.ZERO, true))
			.hasMessageContaining("HTTP 503 (tras 3 intentos)");
		assertThat(this.flakyCalls.get()).isEqualTo(Fetcher.MAX_ATTEMPTS);
	}

	@Test
	void aSlowServerTimesOut() {
		assertThatThrownBy(() -> fetcher(true).fetch(this.base + "/lento.xml", Duration.ZERO, true))
			.hasMessageContaining("sin respuesta en 1000 ms");
	}

	@Test
	void aRedirectLoopStops() {
		assertThatThrownBy(() -> fetcher(true).fetch(this.base + "/bucle", Duration.ZERO, true))
			.hasMessageContaining("más de 5 redirecciones");
	}

	@Test
	void aHugePageIsRefusedAtTheCap() {
		assertThatThrownBy(() -> fetcher(true).fetch(this.base + "/enorme.xml", Duration.ZERO, true))
			.hasMessageContaining("respuesta mayor que 1048576 bytes; rechazada");
	}

	@Test
	void privateAndLoopbackAddressesAreRefusedUnlessAllowed() {
		assertThatThrownBy(() -> fetcher(false).fetch(this.base + "/feed.xml", Duration.ZERO, true))
			.hasMessageContaining("127.0.0.1 es una dirección privada, de loopback o link-local; rechazada");
		assertThatThrownBy(() -> fetcher(false).fetch("http://10.1.2.3/feed.xml", Duration.ZERO, true))
			.hasMessageContaining("10.1.2.3 es una dirección privada");
	}

	@Test
	void aRedirectToAHostTheSourceDoesNotNameIsRefused() {
		assertThatThrownBy(() -> fetcher(true).fetch(this.base + "/afuera", Duration.ZERO, true))
			.hasMessageContaining("el host localhost no está entre los que nombra la definición");
	}

	@Test
	void onlyTheStandardPortsInProductionAndNothingIsSentBeforeTheCheck() throws IOException {
		assertThatThrownBy(() -> fetcher(false).fetch("http://93.184.216.34:8081/feed.xml", Duration.ZERO, true))
			.hasMessageContaining("solo se visitan los puertos 80 y 443");
		assertThat(AddressPolicy.forbidden(java.net.InetAddress.getByName("100.64.1.1"))).as("CGNAT").isTrue();
		assertThat(AddressPolicy.forbidden(java.net.InetAddress.getByName("fd00::1"))).as("unique local").isTrue();
		assertThat(AddressPolicy.forbidden(java.net.InetAddress.getByName("169.254.169.254"))).as("metadata").isTrue();
		assertThat(AddressPolicy.forbidden(java.net.InetAddress.getByName("93.184.216.34"))).isFalse();
	}

	@Test
	void aPostSendsItsBodyAndIsRememberedByIt() {
		Fetcher fetcher = fetcher(true);
		FetchRequest page = new FetchRequest(java.net.URI.create(this.base + "/buscar"), "POST",
				"{\"offset\": 100}".getBytes(StandardCharsets.UTF_8), "application/json", java.util.Set.of("127.0.0.1"),
				Duration.ZERO, true, 0);
		try (Fetched fetched = fetcher.fetch(page)) {
			assertThat(new String(fetched.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"hits\": []}");
		}
		assertThat(this.lastBody).isEqualTo("{\"offset\": 100}");
		assertThat(this.lastType).isEqualTo("application/json");
		assertThat(page.key()).startsWith(this.base + "/buscar#POST:")
			.isNotEqualTo(new FetchRequest(page.uri(), "POST", "{\"offset\": 200}".getBytes(StandardCharsets.UTF_8),
					"application/json", page.hosts(), Duration.ZERO, true, 0)
				.key());
	}

	@Test
	void aLargeBodyWithinTheCapGoesToATemporaryFileNotTheHeap() throws IOException {
		FetchRequest big = new FetchRequest(java.net.URI.create(this.base + "/grande.xml"), "GET", null, null,
				java.util.Set.of("127.0.0.1"), Duration.ZERO, false, 20L * 1024 * 1024);
		Fetched fetched = fetcher(true).fetch(big);
		try (java.io.InputStream in = fetched.body().open()) {
			assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(9L * 1024 * 1024);
		}
		fetched.close();
	}

	@Test
	void requestsToOneHostKeepTheCrawlDelayOfRobotsTxt() {
		this.crawlDelay = true;
		Fetcher fetcher = fetcher(true);
		fetcher.fetch(this.base + "/feed.xml", Duration.ZERO, false);
		fetcher.fetch(this.base + "/feed.xml", Duration.ZERO, false);
		long gap = this.feedRequests.get(1) - this.feedRequests.get(0);
		// robots.txt asks for 1 s between requests; the crawler waits at least that long.
		assertThat(TimeUnit.NANOSECONDS.toMillis(gap)).isGreaterThanOrEqualTo(950);
	}

	@Test
	void aServerThatTricklesIsCutAtTheRequestDeadlineNotHeldForMinutes() {
		long start = System.nanoTime();
		assertThatThrownBy(
				() -> fetcher(true, Duration.ofSeconds(2)).fetch(this.base + "/goteo.xml", Duration.ZERO, false))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("la respuesta no terminó en 2 s (plazo total por petición); se cortó");
		long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
		// Each read takes 300 ms, well within the 1 s read timeout: only the deadline
		// stops it, and it is not retried.
		assertThat(seconds).isLessThan(4);
	}

	@Test
	void aRunsDeadlineCutsTheRequestUnderWayAndStartsNoOther() {
		Fetcher fetcher = fetcher(true, Duration.ofSeconds(20));
		FetchRequest slow = FetchRequest.get(this.base + "/goteo.xml", Set.of("127.0.0.1"), Duration.ZERO, false);
		long start = System.nanoTime();
		Deadline run = Deadline.after(Duration.ofMillis(1500));
		assertThatThrownBy(() -> fetcher.fetch(slow, run)).isInstanceOf(DeadlineExceededException.class)
			.hasMessageContaining("se alcanzó el plazo de la ejecución (1 s); no se leyó más");
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);

		FetchRequest next = FetchRequest.get(this.base + "/feed.xml", Set.of("127.0.0.1"), Duration.ZERO, false);
		assertThatThrownBy(() -> fetcher.fetch(next, run)).isInstanceOf(DeadlineExceededException.class);
		assertThat(this.feedRequests).as("nothing is asked after the run's deadline").isEmpty();
	}

	@Test
	void aBackoffBeyondTheRunsDeadlineEndsTheRunInsteadOfSleeping() {
		Fetcher fetcher = new Fetcher(new CrawlProperties(Path.of("crawlers"), "ConvocaBot/test", Duration.ofSeconds(2),
				Duration.ofMillis(1000), 1024L * 1024, true, Duration.ZERO, Duration.ofSeconds(5), Duration.ZERO, null,
				null), states(), Clock.systemUTC());
		FetchRequest down = FetchRequest.get(this.base + "/caido.xml", Set.of("127.0.0.1"), Duration.ZERO, false);
		long start = System.nanoTime();
		assertThatThrownBy(() -> fetcher.fetch(down, Deadline.after(Duration.ofSeconds(2))))
			.isInstanceOf(DeadlineExceededException.class)
			.hasMessageContaining("se alcanzó el plazo de la ejecución");
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("the 5 s backoff is not slept")
			.isLessThan(2000);
		assertThat(this.flakyCalls.get()).isEqualTo(1);
	}

	@Test
	void aCrawlDelayBeyondTheRunsDeadlineEndsTheRunInsteadOfWaiting() {
		this.crawlDelay = true;
		Fetcher fetcher = fetcher(true);
		fetcher.fetch(this.base + "/feed.xml", Duration.ZERO, false);
		FetchRequest again = FetchRequest.get(this.base + "/feed.xml", Set.of("127.0.0.1"), Duration.ZERO, false);
		long start = System.nanoTime();
		assertThatThrownBy(() -> fetcher.fetch(again, Deadline.after(Duration.ofMillis(300))))
			.isInstanceOf(DeadlineExceededException.class);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(300);
		assertThat(this.feedRequests).hasSize(1);
	}

	/**
	 * DNS rebinding: a name answers a harmless address for the check and robots.txt, then
	 * an internal one. Here 127.0.0.1 plays the public server and [::1] the internal one
	 * the policy forbids; the name is resolved by the test. The connection after
	 * robots.txt and the Crawl-delay goes through the policy again and is refused: the
	 * internal server never sees a request.
	 */
	@Test
	void aNameThatRebindsToAForbiddenAddressAfterTheCheckIsNeverReached() throws IOException {
		HttpServer internal = HttpServer
			.create(new InetSocketAddress(InetAddress.getByName("::1"), this.server.getAddress().getPort()), 0);
		AtomicInteger reachedInternal = new AtomicInteger();
		internal.createContext("/", exchange -> {
			reachedInternal.incrementAndGet();
			respond(exchange, 200, "<rss version=\"2.0\"><channel><title>interno</title></channel></rss>");
		});
		internal.start();
		try {
			this.crawlDelay = true;
			this.closeAfterRobots = true;
			AtomicInteger lookups = new AtomicInteger();
			AddressPolicy.Lookup rebinding = host -> {
				assertThat(host).isEqualTo("rebind.test");
				lookups.incrementAndGet();
				return new InetAddress[] { InetAddress.getByName(this.robotsServed.get() > 0 ? "::1" : "127.0.0.1") };
			};
			AddressPolicy policy = new AddressPolicy(false, true, rebinding,
					address -> address instanceof Inet6Address);
			Fetcher fetcher = new Fetcher(properties(true, null), states(), Clock.systemUTC(), policy);
			String url = "http://rebind.test:" + this.server.getAddress().getPort() + "/feed.xml";

			assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(url, Set.of("rebind.test"), Duration.ZERO, false)))
				.isInstanceOf(FetchException.class)
				.hasMessageContaining("0:0:0:0:0:0:0:1 es una dirección privada, de loopback o link-local; rechazada");
			assertThat(this.robotsServed.get()).as("robots.txt came from the checked address").isEqualTo(1);
			assertThat(lookups.get()).as("the name was resolved again for the second connection")
				.isGreaterThanOrEqualTo(3);
			assertThat(reachedInternal.get()).as("the internal server was never reached").isZero();
			assertThat(this.feedRequests).isEmpty();
		}
		finally {
			internal.stop(0);
		}
	}

	private Fetcher fetcher(boolean allowPrivate) {
		return fetcher(allowPrivate, null);
	}

	private Fetcher fetcher(boolean allowPrivate, Duration requestDeadline) {
		return new Fetcher(properties(allowPrivate, requestDeadline), states(), Clock.systemUTC());
	}

	private static CrawlProperties properties(boolean allowPrivate, Duration requestDeadline) {
		return new CrawlProperties(Path.of("crawlers"), "ConvocaBot/test", Duration.ofSeconds(2),
				Duration.ofMillis(1000), 1024L * 1024, allowPrivate, Duration.ZERO, Duration.ofMillis(10),
				Duration.ZERO, requestDeadline, null);
	}

	private FetchStates states() {
		return new FetchStates() {
			@Override
			public Optional<FetchState> find(String url) {
				return Optional.ofNullable(FetcherTests.this.remembered.get(url));
			}

			@Override
			public void save(String url, FetchState state) {
				FetcherTests.this.remembered.put(url, state);
			}
		};
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private static void sleep(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
