package pe.gob.munlima.convoca.alert;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates and money in e-mails as people in Lima write them, whatever the language: days in
 * Lima time as dd/mm/aaaa, amounts with Peru's conventions (S/ 1,250,000.00; EUR
 * 600,000.00).
 */
final class MailFormat {

	static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final Locale PERU = Locale.forLanguageTag("es-PE");

	/** The office's language: what stored texts are kept in. */
	static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

	private MailFormat() {
	}

	static String date(Instant instant) {
		return instant == null ? "" : DAY.format(instant.atZone(LIMA));
	}

	static String date(java.time.LocalDate day) {
		return day == null ? "" : DAY.format(day);
	}

	static String money(BigDecimal amount, String currency) {
		if (amount == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(PERU);
		int digits = 2;
		if (currency != null) {
			try {
				digits = Currency.getInstance(currency).getDefaultFractionDigits();
			}
			catch (IllegalArgumentException ex) {
				// Not an ISO 4217 code: two decimals, the code as given.
			}
		}
		format.setMinimumFractionDigits(Math.max(digits, 0));
		format.setMaximumFractionDigits(Math.max(digits, 0));
		String number = format.format(amount);
		return currency == null ? number : ("PEN".equals(currency) ? "S/ " : currency + " ") + number;
	}

	/** "EUR 100,000.00 – 600,000.00", one end, or empty. */
	static String range(BigDecimal min, BigDecimal max, String currency) {
		if (min != null && max != null && min.compareTo(max) != 0) {
			return money(min, currency) + " – " + money(max, null);
		}
		return money(max != null ? max : min, currency);
	}

}
