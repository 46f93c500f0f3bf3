package pe.gob.munlima.convoca.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, for the login form and HTTP Basic alike: after
 * {@code max-failures-per-user} wrong passwords for one user name, or
 * {@code max-failures-per-address} from one client address, logins of that name or from
 * that address are refused for {@code lockout} (1 min), doubling with every further
 * failure up to {@code max-lockout} (15 min). A refused attempt checks no password, so it
 * costs no bcrypt and tells nothing; the caller gets 429 with Retry-After. A successful
 * login clears its user name's failures; an address's failures are forgotten
 * {@code forget-after} (1 h) after the last one, so that one valid account cannot reset
 * the count of an address that sprays guesses at others.
 * <p>
 * Failures and successes come from Spring Security's authentication events; the addresses
 * from the request ({@code server.forward-headers-strategy} must be set behind a proxy,
 * or every user would share the proxy's address). In memory, per node: a restart forgets
 * the counts, which only gives an attacker a few more guesses.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/**
	 * Names and addresses tracked at most, so that random user names cannot fill the
	 * heap.
	 */
	static final int MAX_TRACKED = 10_000;

	private final LoginThrottleSettings settings;

	private final Clock clock;

	private final Map<String, Failures> users = new ConcurrentHashMap<>();

	private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

	LoginThrottle(LoginThrottleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * How long this user name or address must still wait, or zero when the attempt may go
	 * on.
	 */
	Duration wait(String username, String address) {
		Instant now = this.clock.instant();
		Duration user = remaining(this.users, key(username), now);
		Duration from = remaining(this.addresses, address, now);
		return user.compareTo(from) >= 0 ? user : from;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String username = username(event.getAuthentication());
		String address = address(event.getAuthentication());
		if (username == null) {
			return;
		}
		Instant now = this.clock.instant();
		Duration userLock = record(this.users, key(username), this.settings.maxFailuresPerUser(), now);
		Duration addressLock = address == null ? Duration.ZERO
				: record(this.addresses, address, this.settings.maxFailuresPerAddress(), now);
		if (!userLock.isZero() || !addressLock.isZero()) {
			log.warn("Login locked after repeated wrong passwords: user '{}' for {} s, address {} for {} s",
					loggable(username), userLock.toSeconds(), address, addressLock.toSeconds());
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		String username = username(event.getAuthentication());
		if (username != null) {
			this.users.remove(key(username));
		}
	}

	/** The lock this failure starts, or zero while the count is below the maximum. */
	private Duration record(Map<String, Failures> counts, String key, int max, Instant now) {
		if (counts.size() >= MAX_TRACKED) {
			forgetOld(counts, now);
		}
		Failures updated = counts.compute(key, (name, before) -> {
			int failures = before == null || forgotten(before, now) ? 1 : before.count() + 1;
			Instant lockedUntil = failures < max ? null : now.plus(lock(failures - max));
			return new Failures(failures, now, lockedUntil);
		});
		return updated.lockedUntil() == null ? Duration.ZERO : Duration.between(now, updated.lockedUntil());
	}

	/** {@code lockout} doubled {@code beyond} times, at most {@code max-lockout}. */
	private Duration lock(int beyond) {
		Duration lock = this.settings.lockout();
		for (int i = 0; i < beyond && lock.compareTo(this.settings.maxLockout()) < 0; i++) {
			lock = lock.multipliedBy(2);
		}
		return lock.compareTo(this.settings.maxLockout()) > 0 ? this.settings.maxLockout() : lock;
	}

	private Duration remaining(Map<String, Failures> counts, String key, Instant now) {
		if (key == null) {
			return Duration.ZERO;
		}
		Failures failures = counts.get(key);
		if (failures == null) {
			return Duration.ZERO;
		}
		if (forgotten(failures, now)) {
			counts.remove(key, failures);
			return Duration.ZERO;
		}
		if (failures.lockedUntil() == null || !now.isBefore(failures.lockedUntil())) {
			return Duration.ZERO;
		}
		return Duration.between(now, failures.lockedUntil());
	}

	private boolean forgotten(Failures failures, Instant now) {
		Instant locked = failures.lockedUntil() == null ? failures.last() : failures.lockedUntil();
		return !now.isBefore(locked.plus(this.settings.forgetAfter()));
	}

	/** Forgets what may be forgotten; if still full, the oldest half. */
	private void forgetOld(Map<String, Failures> counts, Instant now) {
		counts.values().removeIf(failures -> forgotten(failures, now));
		if (counts.size() >= MAX_TRACKED) {
			counts.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByValue((a, b) -> a.last().compareTo(b.last())))
				.limit(MAX_TRACKED / 2)
				.map(Map.Entry::getKey)
				.toList()
				.forEach(counts::remove);
		}
	}

	/** User names are case-insensitive, as at login; a huge one is cut. */
	private static String key(String username) {
		if (username == null) {
			return null;
		}
		String name = AccountDetailsService.normalise(username);
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/** A user name as a log line may show it: no line breaks, not endless. */
	static String loggable(String username) {
		String name = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
		return name.length() > 64 ? name.substring(0, 64) + "…" : name;
	}

	private static String username(Authentication authentication) {
		return authentication instanceof UsernamePasswordAuthenticationToken ? authentication.getName() : null;
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

	/**
	 * @param count failures in a row
	 * @param last when the last one happened
	 * @param lockedUntil until when attempts are refused, or null
	 */
	private record Failures(int count, Instant last, Instant lockedUntil) {
	}

}
