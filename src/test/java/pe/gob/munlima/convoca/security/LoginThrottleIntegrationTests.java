package pe.gob.munlima.convoca.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import pe.gob.munlima.convoca.MutableClock;
import pe.gob.munlima.convoca.WebContextTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: 200 wrong passwords in 16 s, form or Basic, with no 429, no lockout and no
 * log line. Over real HTTP through the real filter chains, from [::1] — the other tests
 * of this context come from 127.0.0.1, and the address is throttled too — with users of
 * their own, and the clock moved instead of waiting for a lock to expire.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIntegrationTests extends WebContextTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@Autowired
	MutableClock clock;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/**
	 * Leaves [::1] as it found it: an hour later every failure of the test is forgotten
	 * (a look-up forgets it), then the clock goes back.
	 */
	@AfterEach
	void forgetTheAddressAndRestoreTheClock() {
		this.clock.set(this.clock.instant().plus(Duration.ofHours(2)));
		api().user("olvido", "PROJECT_OWNER", "GMU");
		assertThat(basic("olvido", "olvido-password").statusCode()).isEqualTo(200);
		this.clock.set(START);
	}

	@Test
	void wrongPasswordsOverBasicEndIn429WithRetryAfterAndTheRightOneWaitsForTheLock(CapturedOutput output) {
		api().user("intento-basic", "PROJECT_OWNER", "GMU");
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> refused = null;
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> response = basic("intento-basic", "adivinanza-" + i);
			statuses.add(response.statusCode());
			if (response.statusCode() == 429) {
				refused = response;
			}
		}

		// Five wrong passwords are checked (401); then the user is locked for a minute.
		assertThat(statuses.subList(0, 5)).containsOnly(401);
		assertThat(statuses.subList(5, 20)).containsOnly(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("Demasiados intentos fallidos de ingreso")
			.contains("Vuelva a intentarlo en 60 segundos");

		this.clock.set(START.plusSeconds(30));
		HttpResponse<String> stillLocked = basic("intento-basic", "intento-basic-password");
		assertThat(stillLocked.statusCode()).as("the right password, while locked").isEqualTo(429);
		assertThat(stillLocked.headers().firstValue("Retry-After")).hasValue("30");

		this.clock.set(START.plusSeconds(61));
		assertThat(basic("intento-basic", "intento-basic-password").statusCode()).as("after the lock").isEqualTo(200);
		assertThat(basic("intento-basic", "otra-adivinanza").statusCode())
			.as("a success reset the count: one more wrong password is not locked at once")
			.isEqualTo(401);

		assertThat(output.getAll())
			.contains("Login refused (BASIC): user 'intento-basic' from 0:0:0:0:0:0:0:1 is locked for 60 more s")
			.contains("Login locked after repeated wrong passwords: user 'intento-basic' for 60 s")
			.doesNotContain("adivinanza")
			.doesNotContain("intento-basic-password");
		assertThat(output.getAll().split("Login refused \\(BASIC\\): user 'intento-basic'", -1))
			.as("one log line per refused attempt")
			.hasSize(15 + 1 + 1);
	}

	@Test
	void theLoginFormIsThrottledTooAndSaysHowLongToWait() {
		api().user("intento-form", "PROJECT_OWNER", "GMU");
		Browser browser = new Browser();
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> wrong = browser.logIn("intento-form", "adivinanza-" + i);
			assertThat(wrong.statusCode()).isEqualTo(302);
			assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
		}

		HttpResponse<String> refused = browser.logIn("intento-form", "adivinanza-5");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
		assertThat(refused.body()).contains("Demasiados intentos fallidos. Espere un minuto y vuelva a intentarlo.")
			.contains("name=\"password\"");

		HttpResponse<String> right = browser.logIn("intento-form", "intento-form-password");
		assertThat(right.statusCode()).as("the right password, while locked").isEqualTo(429);
		assertThat(browser.get("/").statusCode()).as("nobody logged in").isEqualTo(302);

		this.clock.set(START.plusSeconds(61));
		HttpResponse<String> after = browser.logIn("intento-form", "intento-form-password");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElse("")).doesNotContain("/login");
		assertThat(browser.get("/").statusCode()).as("logged in").isEqualTo(200);
	}

	@Test
	void anAddressThatTriesManyUserNamesIsLockedForEveryone() {
		api().user("vecina", "PROJECT_OWNER", "GMU");
		for (int i = 0; i < 20; i++) {
			assertThat(basic("nadie-" + i, "adivinanza").statusCode()).as("attempt %d", i + 1).isEqualTo(401);
		}

		assertThat(basic("nadie-20", "adivinanza").statusCode()).isEqualTo(429);
		assertThat(basic("vecina", "vecina-password").statusCode()).as("the address is locked, whoever logs in")
			.isEqualTo(429);
		assertThat(api().as("vecina", "vecina-password").fetch("/api/me").statusCode()).as("from another address")
			.isEqualTo(200);

		this.clock.set(START.plusSeconds(61));
		assertThat(basic("vecina", "vecina-password").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> basic(String username, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(this.http,
				HttpRequest.newBuilder(uri("/api/me")).header("Authorization", "Basic " + credentials).build());
	}

	private URI uri(String path) {
		return URI.create("http://[::1]:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A browser on [::1]: a cookie jar and the login form with its CSRF token. */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path) {
			return send(this.client, HttpRequest.newBuilder(uri(path)).build());
		}

		HttpResponse<String> logIn(String username, String password) {
			Matcher csrf = CSRF.matcher(get("/login").body());
			assertThat(csrf.find()).as("the login form has its CSRF field").isTrue();
			String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
					+ encode(csrf.group(1));
			return send(this.client,
					HttpRequest.newBuilder(uri("/login"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
						.build());
		}

		private String encode(String text) {
			return URLEncoder.encode(text, StandardCharsets.UTF_8);
		}

	}

}
