package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.net.URI;
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

	/** Fetches a robots.txt: status, media type and at most the first 500 KB. */
	@FunctionalInterface
	interface Download {

		/**
		 * @throws IOException when there is no answer
		 * @throws FetchException when the address is refused or the deadline passed
		 */
		Response get(URI robots) throws IOException;

	}

	/** What a robots.txt request answered. */
	record Response(int status, String contentType, byte[] content) {
	}

	/** The rules of the URL's host, downloaded when not cached. */
	BaseRobotRules forUrl(URI url, Download download) {
		String host = url.getScheme() + "://" + url.getAuthority();
		Cached cached = this.byHost.get(host);
		Instant now = this.clock.instant();
		if (cached != null && cached.until().isAfter(now)) {
			return cached.rules();
		}
		Cached fresh = fetch(URI.create(host + "/robots.txt"), download, now);
		this.byHost.put(host, fresh);
		return fresh.rules();
	}

	private Cached fetch(URI robots, Download download, Instant now) {
		try {
			Response response = download.get(robots);
			if (response.status() == 200) {
				String type = response.contentType() == null ? "text/plain" : response.contentType();
				return new Cached(this.parser.parseContent(robots.toString(), response.content(), type, AGENT),
						now.plus(KEEP));
			}
			return new Cached(this.parser.failedFetch(response.status()), now.plus(KEEP_ERRORS));
		}
		catch (IOException ex) {
			return new Cached(this.parser.failedFetch(503), now.plus(KEEP_ERRORS));
		}
	}

	private record Cached(BaseRobotRules rules, Instant until) {
	}

}
