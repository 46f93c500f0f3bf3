package pe.gob.munlima.convoca.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: an administrator issues one to a user for a script; the script
 * sends {@code Authorization: Bearer cvk_...} and acts as that user, with that user's
 * role. Checking a token costs one hash and one indexed lookup, unlike a bcrypt password
 * on every Basic request.
 */
@Service
@Transactional
class ApiTokens {

	static final String PREFIX = "cvk_";

	private final ApiTokenRepository tokens;

	private final Accounts accounts;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(ApiTokenRepository tokens, Accounts accounts, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Issues a token; the answer is the only time the token itself is shown. */
	IssuedToken issue(String username, String name, Integer validDays, String actor) {
		Account account = account(username);
		if (name == null || name.isBlank()) {
			throw new UserRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "tokenNameRequired");
		}
		if (validDays != null && (validDays < 1 || validDays > 3650)) {
			throw new UserRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "tokenValidity", 1, 3650);
		}
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant expires = validDays == null ? null : now.plus(Duration.ofDays(validDays));
		ApiToken saved = this.tokens.save(new ApiToken(account.getId(), name.strip(), sha256(token),
				token.substring(0, PREFIX.length() + 6), now, actor, expires));
		return new IssuedToken(token, saved.view());
	}

	@Transactional(readOnly = true)
	List<TokenView> of(String username) {
		return this.tokens.findByUserIdOrderByIdAsc(account(username).getId()).stream().map(ApiToken::view).toList();
	}

	void revoke(String username, long id) {
		ApiToken token = this.tokens.findByIdAndUserId(id, account(username).getId())
			.orElseThrow(() -> new UserRejectedException(HttpStatus.NOT_FOUND, "tokenNotFound", id));
		token.revoke(this.clock.instant());
	}

	/**
	 * Revokes every valid token of a user: a password change ends every other way in as
	 * that user, sessions and tokens alike (README, "Logging in, users and roles").
	 * @return how many were revoked
	 */
	int revokeAll(long userId) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		int revoked = 0;
		for (ApiToken token : this.tokens.findByUserIdOrderByIdAsc(userId)) {
			if (token.isValidAt(now)) {
				token.revoke(now);
				revoked++;
			}
		}
		return revoked;
	}

	/** The user a valid token stands for: not revoked, not expired, user enabled. */
	@Transactional(readOnly = true)
	Optional<AccountDetails> authenticate(String token) {
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.tokens.findByTokenHash(sha256(token))
			.filter(found -> found.isValidAt(now))
			.flatMap(found -> this.accounts.findById(found.getUserId()))
			.filter(Account::isEnabled)
			.map(AccountDetails::new);
	}

	private Account account(String username) {
		String name = AccountDetailsService.normalise(username);
		return this.accounts.findByUsername(name)
			.orElseThrow(() -> new UserRejectedException(HttpStatus.NOT_FOUND, "notFound", name));
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** A token as listed: its name and first characters, never the token. */
	record TokenView(long id, String name, String prefix, Instant createdAt, String createdBy, Instant expiresAt,
			Instant revokedAt) {
	}

	/**
	 * @param token the token itself, shown only in this answer
	 */
	record IssuedToken(String token, TokenView details) {
	}

}
