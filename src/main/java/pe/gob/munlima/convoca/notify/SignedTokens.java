package pe.gob.munlima.convoca.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Tokens that carry what they stand for and an HMAC-SHA256 of it: an unsubscribe link
 * ({@code recipient:42}) works without logging in because nobody can make one for another
 * recipient; a calendar token ({@code ics:GMU}) lets a calendar application fetch a feed.
 * A tampered token is refused. Public for the modules that sign tokens of their own (the
 * calendar feeds); an unsubscribe token is honoured only for a subscription an e-mail
 * carried ({@link Subscriptions}), so no other token unsubscribes anyone.
 */
@Component
public class SignedTokens {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final LinkSecrets secrets;

	SignedTokens(LinkSecrets secrets) {
		this.secrets = secrets;
	}

	public String sign(String subject) {
		byte[] payload = subject.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
	}

	/** The subject of a genuine token; empty for a malformed or tampered one. */
	public Optional<String> verify(String token) {
		int dot = token == null ? -1 : token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		try {
			byte[] payload = DECODER.decode(token.substring(0, dot));
			byte[] signature = DECODER.decode(token.substring(dot + 1));
			// Constant time, so the signature cannot be guessed byte by byte.
			return MessageDigest.isEqual(mac(payload), signature)
					? Optional.of(new String(payload, StandardCharsets.UTF_8)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secrets.key(), "HmacSHA256"));
			return mac.doFinal(payload);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
