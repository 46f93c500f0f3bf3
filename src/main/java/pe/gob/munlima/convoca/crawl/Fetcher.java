package pe.gob.munlima.convoca.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import crawlercommons.robots.BaseRobotRules;

import org.springframework.stereotype.Component;

/**
 * Fetches a source's URL the way a polite crawler does (Nutch and StormCrawler are the
 * models): robots.txt honoured, Crawl-delay included (capped at 30 s); at most one
 * request per host per delay; a User-Agent naming Convoca and a contact; conditional GET,
 * and a content hash for servers without validators, so an unchanged page costs nothing;
 * bounded retries with exponential backoff for timeouts and server errors; connect and
 * read timeouts; a body size cap; redirects followed by hand, at most
 * {@value #MAX_REDIRECTS}, and only on the host the definition names; and never a
 * private, loopback or link-local address unless a setting allows it (tests).
 */
@Component
class Fetcher {

	static final int MAX_REDIRECTS = 5;

	static final int MAX_ATTEMPTS = 3;

	private static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

	private final CrawlProperties properties;

	private final FetchStates states;

	private final Clock clock;

	private final HttpClient client;

	private final RobotsRules robots;

	private final HostThrottle throttle = new HostThrottle();

	Fetcher(CrawlProperties properties, FetchStates states, Clock clock) {
		this.properties = properties;
		this.states = states;
		this.clock = clock;
		this.robots = new RobotsRules(clock);
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * @param hostDelay the source's own delay between requests to its host, or null for
	 * the default
	 * @param conditional whether an unchanged page may be skipped (false to always read
	 * it)
	 */
	Fetched fetch(String url, Duration hostDelay, boolean conditional) {
		URI uri = URI.create(url);
		String allowedHost = uri.getHost();
		Optional<FetchStates.FetchState> previous = conditional ? this.states.find(url) : Optional.empty();
		Duration delay = hostDelay != null ? hostDelay : this.properties.hostDelay();
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			URI current = uri;
			checkAddress(current, allowedHost);
			Duration politeDelay = allowedByRobots(current, delay);
			HttpResponse<InputStream> response = sendWithRetries(current, hop == 0 ? previous : Optional.empty(),
					politeDelay);
			int status = response.statusCode();
			if (status >= 300 && status < 400 && status != 304) {
				String location = response.headers()
					.firstValue("Location")
					.orElseThrow(() -> new FetchException(current + " answered " + status + " without Location"));
				close(response);
				uri = current.resolve(location);
				continue;
			}
			if (status == 304) {
				close(response);
				return new Fetched(null, "304", null);
			}
			if (status != 200) {
				close(response);
				throw new FetchException(current + " answered HTTP " + status);
			}
			byte[] body = readCapped(current, response);
			String hash = sha256(body);
			FetchStates.FetchState state = new FetchStates.FetchState(
					response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Last-Modified").orElse(null), hash, this.clock.instant());
			if (previous.isPresent() && hash.equals(previous.get().contentHash())) {
				return new Fetched(null, "hash", state);
			}
			return new Fetched(body, null, state);
		}
		throw new FetchException(url + ": more than " + MAX_REDIRECTS + " redirects");
	}

	/**
	 * Remembers what a fetch saw, once its body was read without error: a page that
	 * failed to parse is fetched and parsed again next time, not skipped as unchanged.
	 */
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
			throw new FetchException(uri + ": robots.txt of " + uri.getHost()
					+ " could not be read (server error); the host is deferred");
		}
		if (!rules.isAllowed(uri.toString())) {
			throw new FetchException(uri + ": robots.txt disallows it for " + RobotsRules.AGENT);
		}
		long crawlDelay = rules.getCrawlDelay();
		if (crawlDelay == BaseRobotRules.UNSET_CRAWL_DELAY || crawlDelay <= 0) {
			return delay;
		}
		// robots.txt may slow us down, never speed us up, and not beyond the cap.
		Duration asked = Duration.ofMillis(Math.min(crawlDelay, MAX_CRAWL_DELAY.toMillis()));
		return asked.compareTo(delay) > 0 ? asked : delay;
	}

	private HttpResponse<InputStream> sendWithRetries(URI uri, Optional<FetchStates.FetchState> previous,
			Duration delay) {
		String lastProblem = null;
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			if (attempt > 1) {
				backoff(uri, attempt);
			}
			this.throttle.await(uri.getHost(), delay);
			try {
				HttpResponse<InputStream> response = this.client.send(request(uri, previous),
						HttpResponse.BodyHandlers.ofInputStream());
				if (response.statusCode() < 500) {
					return response;
				}
				close(response);
				lastProblem = "HTTP " + response.statusCode();
			}
			catch (HttpTimeoutException ex) {
				lastProblem = "no answer within " + this.properties.readTimeout().toMillis() + " ms";
			}
			catch (IOException ex) {
				lastProblem = String.valueOf(ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FetchException(uri + ": interrupted", ex);
			}
		}
		throw new FetchException(uri + ": " + lastProblem + " (after " + MAX_ATTEMPTS + " attempts)");
	}

	private HttpRequest request(URI uri, Optional<FetchStates.FetchState> previous) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.readTimeout())
			.header("User-Agent", this.properties.userAgent())
			.header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
			.GET();
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
			throw new FetchException(uri + ": interrupted", ex);
		}
	}

	private byte[] readCapped(URI uri, HttpResponse<InputStream> response) {
		long max = this.properties.maxBodyBytes();
		try (InputStream in = response.body()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[16 * 1024];
			long total = 0;
			int read;
			while ((read = in.read(buffer)) != -1) {
				total += read;
				if (total > max) {
					throw new FetchException(uri + ": body larger than " + max + " bytes, refused");
				}
				out.write(buffer, 0, read);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new FetchException(uri + ": " + ex.getMessage(), ex);
		}
	}

	private void checkAddress(URI uri, String allowedHost) {
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
			throw new FetchException(uri + ": only http and https are fetched");
		}
		if (!allowedHost.equalsIgnoreCase(uri.getHost())) {
			throw new FetchException(uri + ": redirect to another host (" + uri.getHost() + ") refused");
		}
		if (this.properties.allowPrivateAddresses()) {
			return;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
						|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
					throw new FetchException(uri + ": " + address.getHostAddress()
							+ " is a private, loopback or link-local address; refused");
				}
			}
		}
		catch (UnknownHostException ex) {
			throw new FetchException(uri + ": unknown host", ex);
		}
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
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

}
