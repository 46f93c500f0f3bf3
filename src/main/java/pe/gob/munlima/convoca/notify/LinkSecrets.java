package pe.gob.munlima.convoca.notify;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC key of {@link SignedTokens} (unsubscribe links, calendar tokens): the
 * configured one, or one generated at the first start and kept in the database, so that
 * every node and every restart signs alike and a link e-mailed months ago still works.
 */
@Component
class LinkSecrets {

	private static final String NAME = "link-signing";

	private final JdbcClient jdbc;

	private final String configured;

	private volatile byte[] key;

	LinkSecrets(JdbcClient jdbc, NotifyProperties properties) {
		this.jdbc = jdbc;
		this.configured = properties.unsubscribeSecret();
	}

	byte[] key() {
		byte[] known = this.key;
		if (known == null) {
			known = load();
			this.key = known;
		}
		return known;
	}

	private byte[] load() {
		if (this.configured != null && !this.configured.isBlank()) {
			return this.configured.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		// Two nodes starting together: the first insert wins and both read it.
		this.jdbc.sql("INSERT INTO alert_secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
			.params(NAME, Base64.getEncoder().encodeToString(fresh))
			.update();
		String stored = this.jdbc.sql("SELECT value FROM alert_secret WHERE name = ?")
			.param(NAME)
			.query(String.class)
			.single();
		return Base64.getDecoder().decode(stored);
	}

}
