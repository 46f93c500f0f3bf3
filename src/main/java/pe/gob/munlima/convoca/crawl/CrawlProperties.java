package pe.gob.munlima.convoca.crawl;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir folder of the source definitions
 * @param userAgent how Convoca introduces itself to servers, with a contact
 * @param maxBodyBytes a response larger than this is refused, not truncated
 * @param allowPrivateAddresses only tests set this: production never fetches loopback,
 * private or link-local addresses
 * @param hostDelay the least time between two requests to one host (robots.txt may ask
 * more)
 * @param retryBackoff wait before the second attempt; it doubles for each further one
 * @param watchInterval how often the folder is checked for added, edited or removed
 * definitions; zero turns watching off
 */
@ConfigurationProperties("convoca.crawl")
record CrawlProperties(Path dir, String userAgent, Duration connectTimeout, Duration readTimeout, Long maxBodyBytes,
		boolean allowPrivateAddresses, Duration hostDelay, Duration retryBackoff, Duration watchInterval) {

	CrawlProperties {
		dir = dir == null ? Path.of("crawlers") : dir;
		userAgent = userAgent == null ? "ConvocaBot/0.1" : userAgent;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
		maxBodyBytes = maxBodyBytes == null ? 5L * 1024 * 1024 : maxBodyBytes;
		hostDelay = hostDelay == null ? Duration.ofSeconds(5) : hostDelay;
		retryBackoff = retryBackoff == null ? Duration.ofSeconds(2) : retryBackoff;
		watchInterval = watchInterval == null ? Duration.ofSeconds(10) : watchInterval;
	}

}
