package pe.gob.munlima.convoca.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password policy and the hashing of passwords. Hashes carry their algorithm
 * ({@code {bcrypt}...}), so another algorithm can be added later without invalidating the
 * stored ones.
 */
@Component
class Passwords {

	/** NIST SP 800-63B asks for at least 8; ten keeps guessing out of reach of bcrypt. */
	static final int MIN_LENGTH = 10;

	/** bcrypt reads only the first 72 bytes; Spring Security refuses longer ones. */
	static final int MAX_BYTES = 72;

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final PasswordEncoder encoder;

	private final SecureRandom random = new SecureRandom();

	Passwords(SecuritySettings settings) {
		this.encoder = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(settings.bcryptStrength())));
	}

	PasswordEncoder encoder() {
		return this.encoder;
	}

	String hash(String password) {
		return this.encoder.encode(password);
	}

	boolean matches(String password, String hash) {
		return this.encoder.matches(password, hash);
	}

	/** Refuses a password the policy does not accept, with the reason. */
	void check(String username, String password) {
		if (password.length() < MIN_LENGTH) {
			throw new UserRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "passwordTooShort", MIN_LENGTH);
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new UserRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "passwordTooLong", MAX_BYTES);
		}
		if (password.strip().toLowerCase(Locale.ROOT).equals(username)) {
			throw new UserRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "passwordIsUsername");
		}
	}

	/** A random password of 20 unambiguous letters and digits (about 116 bits). */
	String generate() {
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
