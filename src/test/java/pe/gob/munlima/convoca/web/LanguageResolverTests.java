package pe.gob.munlima.convoca.web;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Spanish first for pages, Accept-Language for the API, a cookie when the user chose. */
class LanguageResolverTests {

	private final LanguageResolver resolver = new LanguageResolver();

	@Test
	void pagesAreSpanishWhateverTheBrowserPrefers() {
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/");
		page.addPreferredLocale(Locale.US);
		page.addHeader("Accept-Language", "en-US");
		assertThat(this.resolver.resolveLocale(page)).isEqualTo(LanguageResolver.SPANISH);
	}

	@Test
	void theApiFollowsAcceptLanguageForEnglishAndFallsBackToSpanish() {
		MockHttpServletRequest english = new MockHttpServletRequest("GET", "/api/calls");
		english.addPreferredLocale(Locale.UK);
		english.addHeader("Accept-Language", "en-GB");
		assertThat(this.resolver.resolveLocale(english)).isEqualTo(Locale.ENGLISH);
		MockHttpServletRequest french = new MockHttpServletRequest("GET", "/api/calls");
		french.addPreferredLocale(Locale.FRENCH);
		french.addHeader("Accept-Language", "fr");
		assertThat(this.resolver.resolveLocale(french)).isEqualTo(LanguageResolver.SPANISH);
	}

	@Test
	void aChoiceIsKeptInACookieAndOnlySpanishOrEnglishAreChosen() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.resolver.setLocale(new MockHttpServletRequest(), response, Locale.FRENCH);
		assertThat(response.getCookie("convoca-lang").getValue()).isEqualTo("es");
		MockHttpServletResponse english = new MockHttpServletResponse();
		this.resolver.setLocale(new MockHttpServletRequest(), english, Locale.UK);
		Cookie chosen = english.getCookie("convoca-lang");
		assertThat(chosen.getValue()).isEqualTo("en");

		MockHttpServletRequest next = new MockHttpServletRequest("GET", "/");
		next.setCookies(chosen);
		assertThat(this.resolver.resolveLocale(next)).isEqualTo(Locale.ENGLISH);
	}

}
