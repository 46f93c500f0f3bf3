package pe.gob.munlima.convoca.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a report covers: the days {@code from} to {@code to}, both included, on Lima's
 * calendar, and optionally only one gerencia (its code), funder (as the calls name it,
 * case ignored) or theme (a vocabulary id such as {@code mobility}).
 */
record ReportQuery(LocalDate from, LocalDate to, String gerencia, String funder, String theme) {

	static final ZoneId LIMA = ZoneId.of("America/Lima");

	ReportQuery {
		gerencia = blankToNull(gerencia);
		funder = blankToNull(funder);
		theme = blankToNull(theme);
	}

	/** The first instant of the period. */
	Instant start() {
		return this.from.atStartOfDay(LIMA).toInstant();
	}

	/** The first instant after the period. */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(LIMA).toInstant();
	}

	boolean contains(Instant instant) {
		return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
	}

	boolean contains(LocalDate day) {
		return day != null && !day.isBefore(this.from) && !day.isAfter(this.to);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
