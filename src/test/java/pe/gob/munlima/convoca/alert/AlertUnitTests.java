package pe.gob.munlima.convoca.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
	void backoffDoublesUpToItsCeiling() {
		AlertProperties.Dispatch settings = new AlertProperties.Dispatch(true, Duration.ofSeconds(15), 20,
				Duration.ofMinutes(5), 8, Duration.ofMinutes(1), Duration.ofMinutes(10));
		assertThat(MailDispatcher.backoff(1, settings)).isEqualTo(Duration.ofMinutes(1));
		assertThat(MailDispatcher.backoff(2, settings)).isEqualTo(Duration.ofMinutes(2));
		assertThat(MailDispatcher.backoff(4, settings)).isEqualTo(Duration.ofMinutes(8));
		assertThat(MailDispatcher.backoff(7, settings)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void plainAddressesWithADomainAreAcceptedAndTyposRefused() {
		assertThat(EmailAddresses.check(" ana.quispe@munlima.gob.pe ")).isEqualTo("ana.quispe@munlima.gob.pe");
		for (String typo : new String[] { "", "ana", "ana@", "ana@munlima", "ana@@munlima.gob.pe", "ana munlima.gob.pe",
				"Ana <ana@munlima.gob.pe>", "ana@munlima.gob.pe.", "a,b@munlima.gob.pe" }) {
			assertThatThrownBy(() -> EmailAddresses.check(typo)).as(typo)
				.isInstanceOfSatisfying(AlertRejectedException.class,
						ex -> assertThat(ex.code()).isEqualTo("invalidEmail"));
		}
	}

	@Test
	void signedTokensRefuseTamperingAndOtherKeys() {
		SignedTokens tokens = new SignedTokens(secret("clave-de-prueba"));
		String token = tokens.sign("recipient:42");
		assertThat(tokens.verify(token)).contains("recipient:42");
		String payload = token.substring(0, token.indexOf('.'));
		String forged = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("recipient:43".getBytes(java.nio.charset.StandardCharsets.UTF_8))
				+ token.substring(token.indexOf('.'));
		assertThat(tokens.verify(forged)).isEmpty();
		assertThat(tokens.verify(payload)).isEmpty();
		assertThat(tokens.verify(payload + ".")).isEmpty();
		assertThat(tokens.verify("%%%.###")).isEmpty();
		assertThat(new SignedTokens(secret("otra-clave")).verify(token)).isEmpty();
	}

	@Test
	void messageIdsDependOnTheKeyOnly() {
		assertThat(Outbox.messageId("digest:2027-W10:oficina:ana@munlima.gob.pe"))
			.isEqualTo(Outbox.messageId("digest:2027-W10:oficina:ana@munlima.gob.pe"))
			.isNotEqualTo(Outbox.messageId("digest:2027-W11:oficina:ana@munlima.gob.pe"))
			.endsWith("@convoca.munlima.gob.pe>");
	}

	@Test
	void moneyReadsThePeruvianWay() {
		assertThat(MailFormat.money(new BigDecimal("1250000"), "PEN")).isEqualTo("S/ 1,250,000.00");
		assertThat(MailFormat.range(new BigDecimal("100000"), new BigDecimal("600000"), "EUR"))
			.isEqualTo("EUR 100,000.00 – 600,000.00");
		assertThat(MailFormat.money(new BigDecimal("5000000"), "JPY")).isEqualTo("JPY 5,000,000");
		assertThat(MailFormat.range(null, null, "USD")).isEmpty();
	}

	private static AlertSecrets secret(String value) {
		return new AlertSecrets(null,
				new AlertProperties("http://localhost", "x@y.pe", value, null, null, null, null, null));
	}

}
