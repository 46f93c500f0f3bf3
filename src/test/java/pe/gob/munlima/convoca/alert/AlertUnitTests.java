package pe.gob.munlima.convoca.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small pieces of the alerts that need no application around them. */
class AlertUnitTests {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	@Test
	void theDigestPeriodIsTheIsoWeekInLima() {
		// Monday 08:00 in Lima and the Sunday night before it, UTC already on Monday.
		assertThat(DigestService.period(Instant.parse("2027-03-08T13:00:00Z"), LIMA)).isEqualTo("2027-W10");
		assertThat(DigestService.period(Instant.parse("2027-03-08T03:00:00Z"), LIMA)).isEqualTo("2027-W09");
		// The ISO year of 1 January 2027 (a Friday) is 2026's last week.
		assertThat(DigestService.period(Instant.parse("2027-01-01T15:00:00Z"), LIMA)).isEqualTo("2026-W53");
	}

	@Test
	void moneyReadsThePeruvianWay() {
		assertThat(MailFormat.money(new BigDecimal("1250000"), "PEN")).isEqualTo("S/ 1,250,000.00");
		assertThat(MailFormat.range(new BigDecimal("100000"), new BigDecimal("600000"), "EUR"))
			.isEqualTo("EUR 100,000.00 – 600,000.00");
		assertThat(MailFormat.money(new BigDecimal("5000000"), "JPY")).isEqualTo("JPY 5,000,000");
		assertThat(MailFormat.range(null, null, "USD")).isEmpty();
	}

}
