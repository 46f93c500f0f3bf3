package pe.gob.munlima.convoca.crawl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

/**
 * One request the crawler makes.
 *
 * @param method GET or POST
 * @param body the POST body, or null
 * @param contentType the body's media type, or null
 * @param hosts the hosts this source may visit, redirects included
 * @param hostDelay the source's own delay between requests to a host, or null for the
 * default
 * @param conditional whether an unchanged response may be skipped (false to always read
 * it)
 * @param maxBytes the largest body accepted, or 0 for the crawler's default
 * @param timeLimit the longest one exchange may take, first byte to last, or null for the
 * crawler's default
 */
record FetchRequest(URI uri, String method, byte[] body, String contentType, Set<String> hosts, Duration hostDelay,
		boolean conditional, long maxBytes, Duration timeLimit) {

	/** With the crawler's default time limit. */
	FetchRequest(URI uri, String method, byte[] body, String contentType, Set<String> hosts, Duration hostDelay,
			boolean conditional, long maxBytes) {
		this(uri, method, body, contentType, hosts, hostDelay, conditional, maxBytes, null);
	}

	static FetchRequest get(String url, Set<String> hosts, Duration hostDelay, boolean conditional) {
		return new FetchRequest(URI.create(url), "GET", null, null, hosts, hostDelay, conditional, 0);
	}

	boolean post() {
		return "POST".equals(this.method);
	}

	/**
	 * What the crawler remembers the response by: the URL, and for a POST also its body
	 * (each page of a POST API is one URL with another body).
	 */
	String key() {
		if (this.body == null) {
			return this.uri.toString();
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.body);
			return this.uri + "#" + this.method + ":" + HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return this.method + " " + this.uri
				+ (this.body == null ? "" : " " + new String(this.body, StandardCharsets.UTF_8).strip());
	}

}
