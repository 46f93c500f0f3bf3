package pe.gob.munlima.convoca.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and money as people in Lima write them, for templates ({@code ${@peru.date(x)}}):
 * days in Lima time as dd/mm/aaaa, long dates in the reader's language, amounts with the
 * Peruvian conventions (S/ 1,250,000.00; USD 40,000.00) whatever the language.
 */
@Component("peru")
public class PeruFormat {

	static final ZoneId LIMA = ZoneId.of("America/Lima");

	/** CLDR's Peruvian Spanish: the conventions of Peru for numbers and currencies. */
	static final Locale PERU = Locale.forLanguageTag("es-PE");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

	private final Clock clock;

	PeruFormat(Clock clock) {
		this.clock = clock;
	}

	/** 30/06/2099, the day in Lima; empty for none. */
	public String date(Instant instant) {
		return instant == null ? "" : DAY.format(instant.atZone(LIMA));
	}

	/** 30/06/2099 23:59, Lima time. */
	public String dateTime(Instant instant) {
		return instant == null ? "" : DAY_TIME.format(instant.atZone(LIMA));
	}

	/** "30 de junio de 2099" or "30 June 2099". */
	public String longDate(Instant instant) {
		if (instant == null) {
			return "";
		}
		Locale locale = LanguageResolver.supported(LocaleContextHolder.getLocale());
		String pattern = LanguageResolver.ENGLISH.equals(locale) ? "d MMMM yyyy" : "d 'de' MMMM 'de' yyyy";
		return DateTimeFormatter.ofPattern(pattern, locale).format(instant.atZone(LIMA));
	}

	/** S/ 1,250,000.00 for PEN, USD 40,000.00, EUR 600,000.00. */
	public String money(BigDecimal amount, String currency) {
		if (amount == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(PERU);
		if (currency != null) {
			try {
				Currency unit = Currency.getInstance(currency);
				format.setCurrency(unit);
				format.setMaximumFractionDigits(unit.getDefaultFractionDigits());
				format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
			}
			catch (IllegalArgumentException ex) {
				// Not an ISO 4217 code: show the amount and the code as given.
				return number(amount) + " " + currency;
			}
		}
		return format.format(amount);
	}

	/**
	 * An amount or a range of amounts: "USD 50,000.00 – USD 200,000.00", one amount when
	 * the call states only one bound (or both are equal), empty when it states none.
	 */
	public String moneyRange(BigDecimal min, BigDecimal max, String currency) {
		if (min == null || max == null || min.compareTo(max) == 0) {
			return money(max != null ? max : min, currency);
		}
		return money(min, currency) + " – " + money(max, currency);
	}

	/** 1,250,000 */
	public String number(Number value) {
		return value == null ? "" : NumberFormat.getNumberInstance(PERU).format(value);
	}

	/**
	 * Whole days from today (in Lima) to the day of {@code instant}; negative if past.
	 */
	public long daysUntil(Instant instant) {
		return ChronoUnit.DAYS.between(this.clock.instant().atZone(LIMA).toLocalDate(),
				instant.atZone(LIMA).toLocalDate());
	}

}
