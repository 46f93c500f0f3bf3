package pe.gob.munlima.convoca.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Where the crawler may connect (OWASP's SSRF controls): http or https only, on the
 * standard ports, only to the hosts the source definition names, and never to an address
 * that is loopback, private, link-local, carrier-grade NAT, unique-local, multicast or
 * otherwise reserved — checked for every address the name resolves to, before every
 * request and every redirect hop. The JVM caches a successful lookup (30 s by default),
 * so the connection that follows uses the address just checked. Tests allow private
 * addresses and other ports, because their servers run on loopback.
 */
final class AddressPolicy {

	private final boolean allowPrivate;

	AddressPolicy(boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	void check(URI uri, Set<String> hosts) {
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
			throw new FetchException(uri + ": solo se visitan direcciones http y https");
		}
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		if (!hosts.contains(host)) {
			throw new FetchException(uri + ": el host " + host + " no está entre los que nombra la definición " + hosts
					+ "; no se visita");
		}
		if (this.allowPrivate) {
			return;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (forbidden(address)) {
					throw new FetchException(uri + ": " + address.getHostAddress()
							+ " es una dirección privada, de loopback o link-local; rechazada");
				}
			}
		}
		catch (UnknownHostException ex) {
			throw new FetchException(uri + ": host desconocido", ex);
		}
		if (uri.getPort() != -1 && uri.getPort() != 80 && uri.getPort() != 443) {
			throw new FetchException(uri + ": solo se visitan los puertos 80 y 443; rechazado");
		}
	}

	static boolean forbidden(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			return first == 0 // "this network"
					|| (first == 100 && second >= 64 && second <= 127) // carrier-grade
																		// NAT
					|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF
																			// protocol
					|| (first == 198 && (second == 18 || second == 19)) // benchmarking
					|| first >= 240; // reserved and broadcast
		}
		if (address instanceof Inet6Address) {
			return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
		}
		return false;
	}

}
