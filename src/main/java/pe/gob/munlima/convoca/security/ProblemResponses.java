package pe.gob.munlima.convoca.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * 401, 403 and 429 of the API as problem+json (RFC 9457), in the reader's language
 * (Spanish unless asked otherwise). A 401 also says how to authenticate
 * ({@code WWW-Authenticate}), as HTTP requires.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		// No credentials at all: say how to authenticate. Wrong ones, a disabled user, an
		// expired token: one answer for all, so it reveals nothing about the account.
		String detail = ex instanceof InsufficientAuthenticationException
				? message("security.problem.unauthorized", locale) : message("security.problem.badCredentials", locale);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Convoca\", Bearer realm=\"Convoca\"");
		write(request, response, HttpStatus.UNAUTHORIZED, message("security.problem.unauthorized.title", locale),
				detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		String detail;
		if (ex instanceof CsrfException) {
			detail = message("security.problem.csrf", locale);
		}
		else if (ex instanceof GerenciaAccessDeniedException denied) {
			String own = AccessControl.currentUserGerencia();
			detail = this.messages.getMessage("security.problem.gerencia", new Object[] { own, denied.gerencia() },
					locale);
		}
		else {
			String role = AccessControl.currentRole();
			detail = this.messages.getMessage("security.problem.forbidden", new Object[] { role }, locale);
		}
		write(request, response, HttpStatus.FORBIDDEN, message("security.problem.forbidden.title", locale), detail);
	}

	/**
	 * 429 for a login refused while its user name or address is locked; the caller has
	 * set Retry-After.
	 */
	void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		write(request, response, HttpStatus.TOO_MANY_REQUESTS,
				message("security.problem.tooManyAttempts.title", locale),
				this.messages.getMessage("security.problem.tooManyAttempts", new Object[] { seconds }, locale));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
