package pe.gob.munlima.convoca.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt, before any password is checked, while its user name or client
 * address is locked by the {@link LoginThrottle}: 429 Too Many Requests with Retry-After,
 * and one log line per refused attempt (user name and address, never the password). The
 * login form gets its page back with the wait in words; HTTP Basic a problem+json. Not a
 * bean, like {@link ApiTokenFilter}: it belongs to its chain only.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

	private static final String BASIC = "Basic ";

	/** Which kind of login this filter guards. */
	enum Kind {

		/** POST /login with username and password fields. */
		FORM,

		/** {@code Authorization: Basic} on the API. */
		BASIC

	}

	private final LoginThrottle throttle;

	private final ProblemResponses problems;

	private final Kind kind;

	LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems, Kind kind) {
		this.throttle = throttle;
		this.problems = problems;
		this.kind = kind;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = this.kind == Kind.FORM ? formUsername(request) : basicUsername(request);
		if (username == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		Duration wait = this.throttle.wait(username, address);
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
		log.warn("Login refused ({}): user '{}' from {} is locked for {} more s after repeated wrong passwords",
				this.kind, LoginThrottle.loggable(username), address, seconds);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		if (this.kind == Kind.BASIC) {
			this.problems.tooManyAttempts(request, response, seconds);
			return;
		}
		// The login page again, with the wait in minutes, as the answer to the POST.
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		long minutes = Math.max(1, (seconds + 59) / 60);
		request.getRequestDispatcher("/login?locked=" + minutes).forward(new AsGet(request), response);
	}

	private static String formUsername(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath())) {
			return null;
		}
		return request.getParameter("username");
	}

	/**
	 * The user name of a Basic header; null without one, or a malformed one (Basic
	 * answers 401).
	 */
	private static String basicUsername(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The refused POST shown the login page, which answers GET. */
	private static final class AsGet extends HttpServletRequestWrapper {

		AsGet(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

	}

}
