package pe.gob.munlima.convoca.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Spanish or English, nothing else. A choice made with {@code ?lang=} is kept in a cookie
 * for a year. Without one, pages are Spanish (municipal staff read Spanish first,
 * whatever their browser says) and the API follows {@code Accept-Language} when it asks
 * for English, as API clients expect.
 */
class LanguageResolver extends CookieLocaleResolver {

	static final Locale SPANISH = Locale.forLanguageTag("es");

	static final Locale ENGLISH = Locale.ENGLISH;

	LanguageResolver() {
		super("convoca-lang");
		setCookieMaxAge(Duration.ofDays(365));
		setCookieSameSite("Lax");
		setDefaultLocaleFunction(LanguageResolver::byDefault);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		super.setLocale(request, response, locale == null ? null : supported(locale));
	}

	private static Locale byDefault(HttpServletRequest request) {
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		return api && request.getHeader("Accept-Language") != null ? supported(request.getLocale()) : SPANISH;
	}

	static Locale supported(Locale locale) {
		return "en".equals(locale.getLanguage()) ? ENGLISH : SPANISH;
	}

}
