package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * robots.txt per host (RFC 9309, with crawler-commons), cached for six hours, or one hour
 * after an error. A missing robots.txt (4xx) allows everything; a server error (5xx) or
 * no answer defers the host: nothing is fetched until the next try, as Nutch does.
 */
final class RobotsRules {

	/** The product token robots.txt files name ("User-agent: convocabot"). */
	static final String AGENT = "convocabot";

	private static final Duration KEEP = Duration.ofHours(6);

	private static final Duration KEEP_ERRORS = Duration.ofHours(1);

	private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

	private final Map<String, Cached> byHost = new ConcurrentHashMap<>();

	private final Clock clock;

	RobotsRules(Clock clock) {
		this.clock = clock;
	}

	/** The rules of the URL's host, fetched with the given client when not cached. */
	BaseRobotRules forUrl(URI url, HttpClient client, String userAgent, Duration timeout) {
		String host = url.getScheme() + "://" + url.getAuthority();
		Cached cached = this.byHost.get(host);
		Instant now = this.clock.instant();
		if (cached != null && cached.until().isAfter(now)) {
			return cached.rules();
		}
		Cached fresh = fetch(URI.create(host + "/robots.txt"), client, userAgent, timeout, now);
		this.byHost.put(host, fresh);
		return fresh.rules();
	}

	private Cached fetch(URI robots, HttpClient client, String userAgent, Duration timeout, Instant now) {
		HttpRequest request = HttpRequest.newBuilder(robots).timeout(timeout).header("User-Agent", userAgent).build();
		try {
			HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			int status = response.statusCode();
			try (InputStream in = response.body()) {
				if (status == 200) {
					byte[] content = in.readNBytes(500 * 1024);
					String type = response.headers().firstValue("Content-Type").orElse("text/plain");
					return new Cached(this.parser.parseContent(robots.toString(), content, type, AGENT),
							now.plus(KEEP));
				}
			}
			return new Cached(this.parser.failedFetch(status), now.plus(KEEP_ERRORS));
		}
		catch (IOException ex) {
			return new Cached(this.parser.failedFetch(503), now.plus(KEEP_ERRORS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Cached(this.parser.failedFetch(503), now.plus(KEEP_ERRORS));
		}
	}

	private record Cached(BaseRobotRules rules, Instant until) {
	}

}
