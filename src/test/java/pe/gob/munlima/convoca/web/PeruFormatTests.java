package pe.gob.munlima.convoca.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates in Lima time and money with Peru's conventions, in both languages. */
class PeruFormatTests {

	private final PeruFormat peru = new PeruFormat(Clock.fixed(Instant.parse("2026-11-24T15:00:00Z"), ZoneOffset.UTC));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void daysAreLimasDays() {
		// 04:59 UTC on 1 July is still 30 June in Lima (UTC-5).
		Instant deadline = Instant.parse("2099-07-01T04:59:59Z");
		assertThat(this.peru.date(deadline)).isEqualTo("30/06/2099");
		assertThat(this.peru.dateTime(deadline)).isEqualTo("30/06/2099 23:59");
		assertThat(this.peru.daysUntil(Instant.parse("2026-11-25T15:00:00Z"))).isEqualTo(1);
		assertThat(this.peru.date(null)).isEmpty();
	}

	@Test
	void longDatesFollowTheReadersLanguage() {
		Instant deadline = Instant.parse("2099-07-01T04:59:59Z");
		LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
		assertThat(this.peru.longDate(deadline)).isEqualTo("30 de junio de 2099");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.peru.longDate(deadline)).isEqualTo("30 June 2099");
	}

	@Test
	void moneyUsesPeruvianSolesSymbolAndSeparatorsInAnyLanguage() {
		// CLDR puts a no-break space between symbol and amount: they never wrap apart.
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.peru.money(new BigDecimal("1250000.5"), "PEN")).isEqualTo("S/\u00a01,250,000.50");
		assertThat(this.peru.money(new BigDecimal("40000"), "USD")).isEqualTo("USD\u00a040,000.00");
		assertThat(this.peru.money(new BigDecimal("600000"), "EUR")).isEqualTo("EUR\u00a0600,000.00");
		assertThat(this.peru.money(new BigDecimal("5"), "XYZW")).isEqualTo("5 XYZW");
		assertThat(this.peru.number(1250000)).isEqualTo("1,250,000");
	}

}
