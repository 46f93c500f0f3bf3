package pe.gob.munlima.convoca.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import crawlercommons.robots.BaseRobotRules;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.apache.hc.client5.http.ConnectTimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Fetches a source's pages the way a polite crawler does (Nutch and StormCrawler are the
 * models): robots.txt honoured, Crawl-delay included (capped at 30 s); at most one
 * request per host per delay, for every page of a run (listing, next pages, details); a
 * User-Agent naming Convoca and a contact; conditional GET, and a content hash for
 * servers without validators, so an unchanged page costs nothing; bounded retries with
 * exponential backoff for timeouts and server errors (Spring's retry); connect and read
 * timeouts, and a total deadline per request (a server that trickles one byte at a time
 * is cut at it, never held for minutes) and per run; a body size cap checked while
 * reading (a huge page is cut off at the cap, never read whole); redirects followed by
 * hand, at most {@value #MAX_REDIRECTS}, each hop checked again; only the hosts the
 * definition names; and never a private, loopback or link-local address unless a setting
 * allows it (tests) — see {@link AddressPolicy}, which is also the client's DNS resolver,
 * so that the connection goes to the address it checked.
 */
@Component
class Fetcher implements DisposableBean {

	static final int MAX_REDIRECTS = 5;

	static final int MAX_ATTEMPTS = 3;

	/** Bodies larger than this go to a temporary file instead of the heap. */
	static final int IN_MEMORY_BYTES = 8 * 1024 * 1024;

	private static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

	private static final int MAX_ROBOTS_BYTES = 500 * 1024;

	private final CrawlProperties properties;

	private final FetchStates states;

	private final Clock clock;

	private final CloseableHttpClient client;

	private final RobotsRules robots;

	private final AddressPolicy addresses;

	private final HostThrottle throttle = new HostThrottle();

	/** Cuts the requests that reach their deadline. */
	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "fetch-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	@Autowired
	Fetcher(CrawlProperties properties, FetchStates states, Clock clock) {
		this(properties, states, clock, new AddressPolicy(properties.allowPrivateAddresses()));
	}

	Fetcher(CrawlProperties properties, FetchStates states, Clock clock, AddressPolicy addresses) {
		this.properties = properties;
		this.states = states;
		this.clock = clock;
		this.robots = new RobotsRules(clock);
		this.addresses = addresses;
		ConnectionConfig connections = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(properties.connectTimeout()))
			.setSocketTimeout(Timeout.of(properties.readTimeout()))
			.build();
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(addresses)
				.setDefaultConnectionConfig(connections)
				.setMaxConnTotal(20)
				.setMaxConnPerRoute(4)
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setResponseTimeout(Timeout.of(properties.readTimeout())).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableContentCompression()
			.disableAuthCaching()
			.build();
	}

	/** The longest a run may take unless its source says otherwise. */
	Duration runDeadline() {
		return this.properties.runDeadline();
	}

	/** A GET of one URL, on its own host only. */
	Fetched fetch(String url, Duration hostDelay, boolean conditional) {
		String host = URI.create(url).getHost();
		return fetch(FetchRequest.get(url, Set.of(host == null ? "" : host.toLowerCase(java.util.Locale.ROOT)),
				hostDelay, conditional));
	}

	Fetched fetch(FetchRequest request) {
		return fetch(request, Deadline.NONE);
	}

	/**
	 * @param run the run's deadline: no request starts after it, and none goes on past it
	 * @throws DeadlineExceededException when the run's deadline passed
	 */
	Fetched fetch(FetchRequest request, Deadline run) {
		String key = request.key();
		Optional<FetchStates.FetchState> previous = request.conditional() ? this.states.find(key) : Optional.empty();
		Duration delay = request.hostDelay() != null ? request.hostDelay() : this.properties.hostDelay();
		URI uri = request.uri();
		boolean post = request.post();
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			URI current = uri;
			this.addresses.check(current, request.hosts());
			Duration politeDelay = allowedByRobots(current, delay, request, run);
			Exchange exchange = sendWithRetries(current, post ? request : null, hop == 0 ? previous : Optional.empty(),
					politeDelay, request, run);
			try {
				int status = exchange.response().getCode();
				if (status >= 300 && status < 400 && status != 304) {
					String location = header(exchange.response(), "Location");
					if (location == null) {
						throw new FetchException(current + " respondió " + status + " sin Location");
					}
					uri = current.resolve(location.strip());
					// 303, and 301/302 after a POST as browsers do, continue as a GET.
					post = post && (status == 307 || status == 308);
					continue;
				}
				if (status == 304) {
					return new Fetched(null, "304", null, key);
				}
				if (status != 200) {
					throw new FetchException(current + " respondió HTTP " + status);
				}
				long max = request.maxBytes() > 0 ? request.maxBytes() : this.properties.maxBodyBytes();
				Read read = readCapped(current, exchange, max);
				FetchStates.FetchState state = new FetchStates.FetchState(header(exchange.response(), "ETag"),
						header(exchange.response(), "Last-Modified"), read.hash(), this.clock.instant());
				if (previous.isPresent() && read.hash().equals(previous.get().contentHash())) {
					read.body().close();
					return new Fetched(null, "hash", state, key);
				}
				return new Fetched(read.body(), null, state, key);
			}
			finally {
				exchange.close();
			}
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
	private Duration allowedByRobots(URI uri, Duration delay, FetchRequest request, Deadline run) {
		BaseRobotRules rules = this.robots.forUrl(uri, robots -> downloadRobots(robots, request, run));
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

	/** robots.txt through the same client: the same address checks and deadlines. */
	private RobotsRules.Response downloadRobots(URI robots, FetchRequest request, Deadline run) throws IOException {
		Exchange exchange;
		try {
			exchange = send(robots, null, Optional.empty(), request, run);
		}
		catch (AddressPolicy.RefusedAddressException ex) {
			throw new FetchException(robots + ": " + ex.getMessage(), ex);
		}
		try {
			ClassicHttpResponse response = exchange.response();
			byte[] content = new byte[0];
			if (response.getCode() == 200 && response.getEntity() != null) {
				try (InputStream in = response.getEntity().getContent()) {
					content = in.readNBytes(MAX_ROBOTS_BYTES);
				}
				catch (IOException ex) {
					if (exchange.cutOff()) {
						throw tooSlow(robots, exchange);
					}
					throw ex;
				}
			}
			return new RobotsRules.Response(response.getCode(), header(response, "Content-Type"), content);
		}
		finally {
			exchange.close();
		}
	}

	/**
	 * Sends, retrying server errors, timeouts and broken connections with exponential
	 * backoff (Spring's {@link RetryTemplate}): {@value #MAX_ATTEMPTS} attempts at most,
	 * each waiting for the host's turn, and never a backoff that would outlast the run
	 * (the policy's timeout is what is left of it, and the template gives up before a
	 * sleep that would pass it).
	 */
	private Exchange sendWithRetries(URI uri, FetchRequest post, Optional<FetchStates.FetchState> previous,
			Duration delay, FetchRequest request, Deadline run) {
		if (run.passed()) {
			throw runOver(uri, run);
		}
		RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(MAX_ATTEMPTS - 1)
			.delay(this.properties.retryBackoff())
			.multiplier(2)
			.maxDelay(Duration.ofMinutes(5))
			.timeout(Duration.ofNanos(run.remainingNanos()))
			.includes(TransientProblem.class)
			.build());
		try {
			return retries.execute(() -> attempt(uri, post, previous, delay, request, run));
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (last instanceof TransientProblem problem) {
				if (ex.getRetryCount() < MAX_ATTEMPTS - 1) {
					if (Thread.currentThread().isInterrupted()) {
						throw new FetchException(uri + ": interrumpido", ex);
					}
					throw runOver(uri, run);
				}
				throw new FetchException(uri + ": " + problem.getMessage() + " (tras " + MAX_ATTEMPTS + " intentos)");
			}
			if (last instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new FetchException(uri + ": " + (last == null ? ex.getMessage() : last.getMessage()), ex);
		}
	}

	/** One attempt: an answer below 500, or a {@link TransientProblem} worth retrying. */
	private Exchange attempt(URI uri, FetchRequest post, Optional<FetchStates.FetchState> previous, Duration delay,
			FetchRequest request, Deadline run) {
		waitTurn(uri, delay, run);
		try {
			Exchange exchange = send(uri, post, previous, request, run);
			if (exchange.response().getCode() < 500) {
				return exchange;
			}
			exchange.close();
			throw new TransientProblem("HTTP " + exchange.response().getCode());
		}
		catch (SocketTimeoutException ex) {
			throw new TransientProblem("sin respuesta en " + (ex instanceof ConnectTimeoutException
					? this.properties.connectTimeout() : this.properties.readTimeout())
				.toMillis() + " ms");
		}
		catch (AddressPolicy.RefusedAddressException ex) {
			throw new FetchException(uri + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new TransientProblem(String.valueOf(ex.getMessage()));
		}
	}

	/** What another attempt may cure: a server error, a timeout, a broken connection. */
	private static final class TransientProblem extends RuntimeException {

		TransientProblem(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * One exchange, cut when its deadline comes: the request's time limit, or what is
	 * left of the run if that is sooner. Cutting closes the connection, so a read blocked
	 * on a trickling server ends at once.
	 */
	private Exchange send(URI uri, FetchRequest post, Optional<FetchStates.FetchState> previous, FetchRequest request,
			Deadline run) throws IOException {
		if (run.passed()) {
			throw runOver(uri, run);
		}
		Duration limit = request.timeLimit() != null ? request.timeLimit() : this.properties.requestDeadline();
		long nanos = Math.min(limit.toNanos(), run.remainingNanos());
		HttpUriRequestBase message = request(uri, post, previous);
		Exchange exchange = new Exchange(message, Duration.ofNanos(nanos), run);
		exchange.timer = this.deadlines.schedule(exchange::cut, nanos, TimeUnit.NANOSECONDS);
		try {
			exchange.response = this.client.executeOpen(null, message, HttpClientContext.create());
			return exchange;
		}
		catch (IOException | RuntimeException ex) {
			exchange.close();
			if (exchange.cutOff()) {
				throw tooSlow(uri, exchange);
			}
			throw ex;
		}
	}

	private HttpUriRequestBase request(URI uri, FetchRequest post, Optional<FetchStates.FetchState> previous) {
		HttpUriRequestBase request;
		if (post != null) {
			HttpPost sent = new HttpPost(uri);
			sent.setEntity(new ByteArrayEntity(post.body() == null ? new byte[0] : post.body(),
					ContentType.parse(post.contentType() == null ? "application/json" : post.contentType())));
			request = sent;
		}
		else {
			request = new HttpGet(uri);
		}
		request.setHeader("User-Agent", this.properties.userAgent());
		request.setHeader("Accept", "application/json, application/rss+xml, application/atom+xml, "
				+ "application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
		previous.ifPresent(state -> {
			if (state.etag() != null) {
				request.setHeader("If-None-Match", state.etag());
			}
			if (state.lastModified() != null) {
				request.setHeader("If-Modified-Since", state.lastModified());
			}
		});
		return request;
	}

	private void waitTurn(URI uri, Duration delay, Deadline run) {
		if (!this.throttle.await(uri.getHost(), delay, run.remainingNanos())) {
			throw runOver(uri, run);
		}
	}

	/**
	 * Reads at most {@code max} bytes and refuses the body past them, without reading the
	 * rest; a body beyond {@value #IN_MEMORY_BYTES} bytes goes to a temporary file.
	 */
	private Read readCapped(URI uri, Exchange exchange, long max) {
		MessageDigest digest = sha256();
		Path spool = null;
		OutputStream out = null;
		HttpEntity entity = exchange.response().getEntity();
		try (InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
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
			if (exchange.cutOff()) {
				throw tooSlow(uri, exchange);
			}
			if (ex instanceof FetchException fetch) {
				throw fetch;
			}
			throw new FetchException(uri + ": " + ex.getMessage(), ex);
		}
	}

	/** The request reached its deadline: the run's, or its own. */
	private static FetchException tooSlow(URI uri, Exchange exchange) {
		if (exchange.run().passed()) {
			return runOver(uri, exchange.run());
		}
		return new FetchException(uri + ": la respuesta no terminó en " + exchange.limit().toSeconds()
				+ " s (plazo total por petición); se cortó");
	}

	static DeadlineExceededException runOver(URI uri, Deadline run) {
		return new DeadlineExceededException(
				uri + ": se alcanzó el plazo de la ejecución (" + minutes(run.length()) + "); no se leyó más");
	}

	private static String minutes(Duration length) {
		return length.toMinutes() >= 1 ? length.toMinutes() + " min" : length.toSeconds() + " s";
	}

	private static String header(ClassicHttpResponse response, String name) {
		Header header = response.getFirstHeader(name);
		return header == null ? null : header.getValue();
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

	@Override
	public void destroy() throws IOException {
		this.deadlines.shutdownNow();
		this.client.close(CloseMode.IMMEDIATE);
	}

	/** One request and its response, with the timer that cuts it at its deadline. */
	private static final class Exchange {

		private final HttpUriRequestBase request;

		private final Duration limit;

		private final Deadline run;

		private volatile boolean cut;

		private ScheduledFuture<?> timer;

		private ClassicHttpResponse response;

		Exchange(HttpUriRequestBase request, Duration limit, Deadline run) {
			this.request = request;
			this.limit = limit;
			this.run = run;
		}

		ClassicHttpResponse response() {
			return this.response;
		}

		Duration limit() {
			return this.limit;
		}

		Deadline run() {
			return this.run;
		}

		/** The deadline came: the connection is closed under the reader. */
		void cut() {
			this.cut = true;
			this.request.cancel();
		}

		boolean cutOff() {
			return this.cut;
		}

		/** Releases the connection; one whose body was not read whole is not reused. */
		void close() {
			if (this.timer != null) {
				this.timer.cancel(false);
			}
			if (this.response != null) {
				try {
					this.response.close();
				}
				catch (IOException ex) {
					// Nothing to recover: the connection is dropped.
				}
			}
		}

	}

	private record Read(Body body, String hash) {
	}

}
