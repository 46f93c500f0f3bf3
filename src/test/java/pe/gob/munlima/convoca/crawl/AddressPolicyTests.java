package pe.gob.munlima.convoca.crawl;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every form an address can take to reach a private, loopback, link-local or metadata
 * address, IPv6 embeddings of IPv4 included (issue 14: {@code [::127.0.0.1]},
 * {@code [64:ff9b::7f00:1]} and {@code [2002:7f00:1::]} got through). Only literals: no
 * name is looked up and nothing is connected to.
 */
class AddressPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254",
			"100.64.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fd00:ec2::254",
			// IPv4-compatible ::a.b.c.d
			"::127.0.0.1", "::10.0.0.1", "::169.254.169.254", "::7f00:1",
			// IPv4-mapped and IPv4-translated
			"::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:0:127.0.0.1", "::ffff:0:a00:1",
			// NAT64, well-known prefix and local use
			"64:ff9b::7f00:1", "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::5db8:d822",
			// 6to4
			"2002:7f00:1::", "2002:a00:1::1", "2002:a9fe:a9fe::",
			// Teredo: server 127.0.0.1, or client 127.0.0.1 (stored inverted: 80ff:fffe)
			"2001:0:7f00:1::1", "2001:0:5db8:d822::80ff:fffe", "2001:0:5db8:d822:0:0:f5ff:fffe" })
	void privateLoopbackAndMetadataAddressesAreRefusedInEveryForm(String literal) throws UnknownHostException {
		assertThat(AddressPolicy.forbidden(InetAddress.getByName(literal))).as(literal).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34",
			"64:ff9b::5db8:d822", "2002:5db8:d822::1", "2001:0:5db8:d822::a247:27dd" })
	void publicAddressesAndTheirEmbeddingsPass(String literal) throws UnknownHostException {
		assertThat(AddressPolicy.forbidden(InetAddress.getByName(literal))).as(literal).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://[::127.0.0.1]/feed.xml", "http://[64:ff9b::7f00:1]/feed.xml",
			"http://[2002:7f00:1::]/feed.xml", "http://[::ffff:127.0.0.1]/feed.xml",
			"http://[2001:0:7f00:1::1]/feed.xml" })
	void anUrlWithAnEmbeddedLoopbackAddressIsRefusedBeforeAnyRequest(String url) {
		URI uri = URI.create(url);
		assertThatThrownBy(() -> new AddressPolicy(false).check(uri, Set.of(uri.getHost())))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("es una dirección privada, de loopback o link-local; rechazada");
	}

}
