package pe.gob.munlima.convoca.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import crawlercommons.robots.BaseRobotRules;

import org.springframework.stereotype.Component;

/**
 * Fetches a source's pages the way a polite crawler does (Nutch and StormCrawler are the
 * models): robots.txt honoured, Crawl-delay included (capped at 30 s); at most one
 * request per host per delay, for every page of a run (listing, next pages, details); a
 * User-Agent naming Convoca and a contact; conditional GET, and a content hash for
 * servers without validators, so an unchanged page costs nothing; bounded retries with
 * exponential backoff for timeouts and server errors; connect and read timeouts; a body
 * size cap checked while reading (a huge page is cut off at the cap, never read whole);
 * redirects followed by hand, at most {@value #MAX_REDIRECTS}, each hop checked again;
 * only the hosts the definition names; and never a private, loopback or link-local
 * address unless a setting allows it (tests) — see {@link AddressPolicy}.
 */
@Component
class Fetcher {

	static final int MAX_REDIRECTS = 5;

	static final int MAX_ATTEMPTS = 3;

	/** Bodies larger than this go to a temporary file instead of the heap. */
	static final int IN_MEMORY_BYTES = 8 * 1024 * 1024;

	private static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

	private final CrawlProperties properties;

	private final FetchStates states;

	private final Clock clock;

	private final HttpClient client;

	private final RobotsRules robots;

	private final AddressPolicy addresses;

	private final HostThrottle throttle = new HostThrottle();

	Fetcher(CrawlProperties properties, FetchStates states, Clock clock) {
		this.properties = properties;
		this.states = states;
		this.clock = clock;
		this.robots = new RobotsRules(clock);
		this.addresses = new AddressPolicy(properties.allowPrivateAddresses());
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A GET of one URL, on its own host only. */
	Fetched fetch(String url, Duration hostDelay, boolean conditional) {
		String host = URI.create(url).getHost();
		return fetch(FetchRequest.get(url, Set.of(host == null ? "" : host.toLowerCase(java.util.Locale.ROOT)),
				hostDelay, conditional));
	}

	Fetched fetch(FetchRequest request) {
		String key = request.key();
		Optional<FetchStates.FetchState> previous = request.conditional() ? this.states.find(key) : Optional.empty();
		Duration delay = request.hostDelay() != null ? request.hostDelay() : this.properties.hostDelay();
		URI uri = request.uri();
		boolean post = request.post();
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			URI current = uri;
			this.addresses.check(current, request.hosts());
			Duration politeDelay = allowedByRobots(current, delay);
			HttpResponse<InputStream> response = sendWithRetries(current, post ? request : null,
					hop == 0 ? previous : Optional.empty(), politeDelay);
			int status = response.statusCode();
			if (status >= 300 && status < 400 && status != 304) {
				String location = response.headers()
					.firstValue("Location")
					.orElseThrow(() -> new FetchException(current + " respondió " + status + " sin Location"));
				close(response);
				uri = current.resolve(location.strip());
				// 303, and 301/302 after a POST as browsers do, continue as a GET.
				post = post && (status == 307 || status == 308);
				continue;
			}
			if (status == 304) {
				close(response);
				return new Fetched(null, "304", null, key);
			}
			if (status != 200) {
				close(response);
				throw new FetchException(current + " respondió HTTP " + status);
			}
			long max = request.maxBytes() > 0 ? request.maxBytes() : this.properties.maxBodyBytes();
			Read read = readCapped(current, response, max);
			FetchStates.FetchState state = new FetchStates.FetchState(
					response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Last-Modified").orElse(null), read.hash(), this.clock.instant());
			if (previous.isPresent() && read.hash().equals(previous.get().contentHash())) {
				read.body().close();
				return new Fetched(null, "hash", state, key);
			}
			return new Fetched(read.body(), null, state, key);
		}
		throw new FetchException(request.uri() + ": más de " + MAX_REDIRECTS + " redirecciones");
	}

	/**
	 * Remembers what a fetch saw, once its body was read without error: a page that
	 * failed to parse is fetched and parsed again next time, not skipped as unchanged.
	 */
	void remember(Fetched fetched) {
		if (fetched.state() != null) {
			this.states.save(fetched.key(), fetched.state());
		}
	}

	/** Remembers a detail page's state with the fields read from it. */
	void remember(Fetched fetched, Map<String, List<String>> reading) {
		if (fetched.state() != null) {
			this.states.save(fetched.key(), fetched.state(), reading);
		}
	}

	/** The fields an unchanged detail page gave when it was last read. */
	Optional<Map<String, List<String>>> reading(Fetched unchanged) {
		return this.states.reading(unchanged.key());
	}

	void remember(String url, Fetched fetched) {
		if (fetched.state() != null) {
			this.states.save(url, fetched.state());
		}
	}

	/** The delay to keep for this host, or an exception when robots.txt says no. */
	private Duration allowedByRobots(URI uri, Duration delay) {
		BaseRobotRules rules = this.robots.forUrl(uri, this.client, this.properties.userAgent(),
				this.properties.readTimeout());
		if (rules.isDeferVisits()) {
			throw new FetchException(uri + ": no se pudo leer el robots.txt de " + uri.getHost()
					+ " (error del servidor); el host queda postergado");
		}
		if (!rules.isAllowed(uri.toString())) {
			throw new FetchException(uri + ": el robots.txt no permite leerla a " + RobotsRules.AGENT);
		}
		long crawlDelay = rules.getCrawlDelay();
		if (crawlDelay == BaseRobotRules.UNSET_CRAWL_DELAY || crawlDelay <= 0) {
			return delay;
		}
		// robots.txt may slow us down, never speed us up, and not beyond the cap.
		Duration asked = Duration.ofMillis(Math.min(crawlDelay, MAX_CRAWL_DELAY.toMillis()));
		return asked.compareTo(delay) > 0 ? asked : delay;
	}

	private HttpResponse<InputStream> sendWithRetries(URI uri, FetchRequest post,
			Optional<FetchStates.FetchState> previous, Duration delay) {
		String lastProblem = null;
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			if (attempt > 1) {
				backoff(uri, attempt);
			}
			this.throttle.await(uri.getHost(), delay);
			try {
				HttpResponse<InputStream> response = this.client.send(request(uri, post, previous),
						HttpResponse.BodyHandlers.ofInputStream());
				if (response.statusCode() < 500) {
					return response;
				}
				close(response);
				lastProblem = "HTTP " + response.statusCode();
			}
			catch (HttpTimeoutException ex) {
				lastProblem = "sin respuesta en " + this.properties.readTimeout().toMillis() + " ms";
			}
			catch (IOException ex) {
				lastProblem = String.valueOf(ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FetchException(uri + ": interrumpido", ex);
			}
		}
		throw new FetchException(uri + ": " + lastProblem + " (tras " + MAX_ATTEMPTS + " intentos)");
	}

	private HttpRequest request(URI uri, FetchRequest post, Optional<FetchStates.FetchState> previous) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.readTimeout())
			.header("User-Agent", this.properties.userAgent())
			.header("Accept", "application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, "
					+ "text/html;q=0.8, */*;q=0.5");
		if (post != null) {
			request.header("Content-Type", post.contentType() == null ? "application/json" : post.contentType())
				.POST(HttpRequest.BodyPublishers.ofByteArray(post.body() == null ? new byte[0] : post.body()));
		}
		else {
			request.GET();
		}
		previous.ifPresent(state -> {
			if (state.etag() != null) {
				request.header("If-None-Match", state.etag());
			}
			if (state.lastModified() != null) {
				request.header("If-Modified-Since", state.lastModified());
			}
		});
		return request.build();
	}

	private void backoff(URI uri, int attempt) {
		long millis = this.properties.retryBackoff().toMillis() * (1L << (attempt - 2));
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException(uri + ": interrumpido", ex);
		}
	}

	/**
	 * Reads at most {@code max} bytes and refuses the body past them, without reading the
	 * rest; a body beyond {@value #IN_MEMORY_BYTES} bytes goes to a temporary file.
	 */
	private Read readCapped(URI uri, HttpResponse<InputStream> response, long max) {
		MessageDigest digest = sha256();
		Path spool = null;
		OutputStream out = null;
		try (InputStream in = response.body()) {
			ByteArrayOutputStream memory = new ByteArrayOutputStream();
			out = memory;
			byte[] buffer = new byte[16 * 1024];
			long total = 0;
			int read;
			while ((read = in.read(buffer)) != -1) {
				total += read;
				if (total > max) {
					throw new FetchException(uri + ": respuesta mayor que " + max + " bytes; rechazada");
				}
				digest.update(buffer, 0, read);
				if (spool == null && total > IN_MEMORY_BYTES) {
					spool = Files.createTempFile("convoca-fetch", ".body");
					OutputStream file = Files.newOutputStream(spool);
					memory.writeTo(file);
					out = file;
				}
				out.write(buffer, 0, read);
			}
			String hash = HexFormat.of().formatHex(digest.digest());
			if (spool != null) {
				out.close();
				return new Read(Body.spooled(spool), hash);
			}
			return new Read(Body.of(memory.toByteArray()), hash);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(out);
			if (spool != null) {
				Body.spooled(spool).close();
			}
			if (ex instanceof FetchException fetch) {
				throw fetch;
			}
			throw new FetchException(uri + ": " + ex.getMessage(), ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void closeQuietly(OutputStream out) {
		try {
			if (out != null) {
				out.close();
			}
		}
		catch (IOException ex) {
			// Already failing; the first problem is the one reported.
		}
	}

	private static void close(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ex) {
			// Nothing to recover: the connection is dropped.
		}
	}

	private record Read(Body body, String hash) {
	}

}
