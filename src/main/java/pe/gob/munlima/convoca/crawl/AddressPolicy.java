package pe.gob.munlima.convoca.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Where the crawler may connect (OWASP's SSRF controls): http or https only, on the
 * standard ports, only to the hosts the source definition names, and never to an address
 * that is loopback, private, link-local, carrier-grade NAT, unique-local, multicast or
 * otherwise reserved, nor to an IPv6 address that carries such an IPv4 address — checked
 * for every address the name resolves to, before every request and every redirect hop.
 * <p>
 * It is also the HTTP client's DNS resolver: the addresses a connection is opened to are
 * the ones it has just checked, in the same lookup. A name that answers a public address
 * for the check and a private one a moment later (DNS rebinding), after robots.txt, a
 * Crawl-delay or a retry, is refused at connect time instead of reached. Tests allow
 * private addresses and other ports, because their servers run on loopback.
 */
final class AddressPolicy implements DnsResolver {

	/** How a name becomes addresses; the system's resolver but in tests. */
	@FunctionalInterface
	interface Lookup {

		InetAddress[] all(String host) throws UnknownHostException;

	}

	private final boolean allowPrivate;

	private final boolean anyPort;

	private final Lookup lookup;

	private final Predicate<InetAddress> forbidden;

	AddressPolicy(boolean allowPrivate) {
		this(allowPrivate, allowPrivate, InetAddress::getAllByName, AddressPolicy::forbidden);
	}

	/**
	 * @param allowPrivate let every address through (tests on loopback)
	 * @param anyPort let every port through (tests on loopback)
	 * @param lookup how names are resolved
	 * @param forbidden which addresses are refused
	 */
	AddressPolicy(boolean allowPrivate, boolean anyPort, Lookup lookup, Predicate<InetAddress> forbidden) {
		this.allowPrivate = allowPrivate;
		this.anyPort = anyPort;
		this.lookup = lookup;
		this.forbidden = forbidden;
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
		try {
			resolve(host);
		}
		catch (RefusedAddressException ex) {
			throw new FetchException(uri + ": " + ex.getMessage(), ex);
		}
		catch (UnknownHostException ex) {
			throw new FetchException(uri + ": host desconocido", ex);
		}
		if (!this.anyPort && uri.getPort() != -1 && uri.getPort() != 80 && uri.getPort() != 443) {
			throw new FetchException(uri + ": solo se visitan los puertos 80 y 443; rechazado");
		}
	}

	/**
	 * The addresses of a name, every one of them checked: the HTTP client connects only
	 * to what this returns.
	 * @throws RefusedAddressException when one of them is forbidden
	 */
	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] all = this.lookup.all(host);
		if (!this.allowPrivate) {
			for (InetAddress address : all) {
				if (this.forbidden.test(address)) {
					throw new RefusedAddressException(address.getHostAddress()
							+ " es una dirección privada, de loopback o link-local; rechazada");
				}
			}
		}
		return all;
	}

	/** Only Kerberos asks for it, and the crawler never uses Kerberos. */
	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

	/**
	 * A name that resolves to a forbidden address. An {@link UnknownHostException}, so
	 * that the HTTP client gives up on the name instead of connecting anywhere.
	 */
	static final class RefusedAddressException extends UnknownHostException {

		private static final long serialVersionUID = 1L;

		RefusedAddressException(String message) {
			super(message);
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
					|| first == 127 // loopback, whatever the JVM says
					|| (first == 100 && second >= 64 && second <= 127) // carrier-grade
																		// NAT
					|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF
																			// protocol
					|| (first == 198 && (second == 18 || second == 19)) // benchmarking
					|| first >= 240; // reserved and broadcast
		}
		if (address instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
				return true;
			}
			if (word(b, 0) == 0x64 && word(b, 2) == 0xff9b && word(b, 4) == 1) {
				// Local-use NAT64 (RFC 8215) puts the IPv4 address where the operator
				// chooses: there is no telling which one it reaches.
				return true;
			}
			byte[][] embedded = embeddedIpv4(b);
			for (byte[] ipv4 : embedded) {
				if (forbidden(ipv4(ipv4))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The IPv4 addresses an IPv6 address carries, which a gateway, a tunnel or the
	 * operating system's dual stack would reach: IPv4-compatible {@code ::a.b.c.d},
	 * IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-translated {@code ::ffff:0:a.b.c.d}, NAT64
	 * {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:AABB:CCDD::} and Teredo
	 * {@code 2001:0:SSSS:SSSS:…:CCCC:CCCC} (server, and client inverted). "[::127.0.0.1]"
	 * and "[64:ff9b::7f00:1]" are loopback, and refused like 127.0.0.1.
	 */
	static byte[][] embeddedIpv4(byte[] b) {
		if (b.length != 16) {
			return new byte[0][];
		}
		boolean zeroPrefix = true;
		for (int i = 0; i < 8; i++) {
			zeroPrefix &= b[i] == 0;
		}
		int w4 = word(b, 8);
		int w5 = word(b, 10);
		if (zeroPrefix && ((w4 == 0 && (w5 == 0 || w5 == 0xffff)) || (w4 == 0xffff && w5 == 0))) {
			return new byte[][] { Arrays.copyOfRange(b, 12, 16) };
		}
		if (word(b, 0) == 0x64 && word(b, 2) == 0xff9b && word(b, 4) == 0 && word(b, 6) == 0 && w4 == 0 && w5 == 0) {
			return new byte[][] { Arrays.copyOfRange(b, 12, 16) };
		}
		if (word(b, 0) == 0x2002) {
			return new byte[][] { Arrays.copyOfRange(b, 2, 6) };
		}
		if (word(b, 0) == 0x2001 && word(b, 2) == 0) {
			byte[] client = Arrays.copyOfRange(b, 12, 16);
			for (int i = 0; i < client.length; i++) {
				client[i] = (byte) ~client[i];
			}
			return new byte[][] { Arrays.copyOfRange(b, 4, 8), client };
		}
		return new byte[0][];
	}

	private static int word(byte[] b, int at) {
		return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
	}

	private static InetAddress ipv4(byte[] address) {
		try {
			return InetAddress.getByAddress(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("four bytes are always an IPv4 address", ex);
		}
	}

}
