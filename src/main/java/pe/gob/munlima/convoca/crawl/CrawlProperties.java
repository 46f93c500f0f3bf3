package pe.gob.munlima.convoca.crawl;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param dir folder of the source definitions
 * @param userAgent how Convoca introduces itself to servers, with a contact
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for the answer to start, and between two reads of
 * it
 * @param maxBodyBytes a response larger than this is refused, not truncated
 * @param allowPrivateAddresses only tests set this: production never fetches loopback,
 * private or link-local addresses
 * @param hostDelay the least time between two requests to one host (robots.txt may ask
 * more)
 * @param retryBackoff wait before the second attempt; it doubles for each further one
 * @param watchInterval how often the folder is checked for added, edited or removed
 * definitions; zero turns watching off
 * @param requestDeadline the longest one request may take from connecting to its last
 * byte, however steadily the server trickles (a source's
 * {@code limits.requestDeadlineSeconds} may allow more, for a large extract)
 * @param runDeadline the longest one run of a source may take, waits between requests
 * included (a source's {@code limits.runDeadlineMinutes} may change it)
 */
@ConfigurationProperties("convoca.crawl")
record CrawlProperties(Path dir, String userAgent, Duration connectTimeout, Duration readTimeout, Long maxBodyBytes,
		boolean allowPrivateAddresses, Duration hostDelay, Duration retryBackoff, Duration watchInterval,
		Duration requestDeadline, Duration runDeadline) {

	@ConstructorBinding
	CrawlProperties {
		dir = dir == null ? Path.of("crawlers") : dir;
		userAgent = userAgent == null ? "ConvocaBot/0.1" : userAgent;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
		maxBodyBytes = maxBodyBytes == null ? 5L * 1024 * 1024 : maxBodyBytes;
		hostDelay = hostDelay == null ? Duration.ofSeconds(5) : hostDelay;
		retryBackoff = retryBackoff == null ? Duration.ofSeconds(2) : retryBackoff;
		watchInterval = watchInterval == null ? Duration.ofSeconds(10) : watchInterval;
		requestDeadline = requestDeadline == null ? Duration.ofSeconds(60) : requestDeadline;
		runDeadline = runDeadline == null ? Duration.ofHours(2) : runDeadline;
	}

	/** The defaults for both deadlines. */
	CrawlProperties(Path dir, String userAgent, Duration connectTimeout, Duration readTimeout, Long maxBodyBytes,
			boolean allowPrivateAddresses, Duration hostDelay, Duration retryBackoff, Duration watchInterval) {
		this(dir, userAgent, connectTimeout, readTimeout, maxBodyBytes, allowPrivateAddresses, hostDelay, retryBackoff,
				watchInterval, null, null);
	}

}
