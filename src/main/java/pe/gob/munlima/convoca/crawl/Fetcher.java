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

import org.springframework.stereotype.Component;

/**
 * Fetches a source's URL over HTTP with timeouts, a size cap and an honest User-Agent.
 * Redirects are followed by hand, at most {@value #MAX_REDIRECTS}, and only to the host
 * the definition names; every hop's address is checked so a DNS name that points at a
 * private, loopback or link-local address is never fetched (unless a test allows it).
 */
@Component
class Fetcher {

	static final int MAX_REDIRECTS = 5;

	private final CrawlProperties properties;

	private final HttpClient client;

	Fetcher(CrawlProperties properties) {
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	byte[] fetch(String url) {
		URI uri = URI.create(url);
		String allowedHost = uri.getHost();
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			URI current = uri;
			checkAddress(current, allowedHost);
			HttpResponse<InputStream> response = send(current);
			int status = response.statusCode();
			if (status >= 300 && status < 400) {
				String location = response.headers()
					.firstValue("Location")
					.orElseThrow(() -> new FetchException(current + " answered " + status + " without Location"));
				close(response);
				uri = current.resolve(location);
				continue;
			}
			if (status != 200) {
				close(response);
				throw new FetchException(current + " answered HTTP " + status);
			}
			return readCapped(current, response);
		}
		throw new FetchException(url + ": more than " + MAX_REDIRECTS + " redirects");
	}

	private HttpResponse<InputStream> send(URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.readTimeout())
			.header("User-Agent", this.properties.userAgent())
			.header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
			.GET()
			.build();
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpTimeoutException ex) {
			throw new FetchException(uri + ": no answer within " + this.properties.readTimeout().toSeconds() + " s",
					ex);
		}
		catch (IOException ex) {
			throw new FetchException(uri + ": " + ex.getMessage(), ex);
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

	private static void close(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ex) {
			// Nothing to recover: the connection is dropped.
		}
	}

}
