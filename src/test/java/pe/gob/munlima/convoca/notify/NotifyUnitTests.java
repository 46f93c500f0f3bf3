package pe.gob.munlima.convoca.notify;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small pieces of the delivery that need no application around them. */
class NotifyUnitTests {

	@Test
	void backoffDoublesUpToItsCeiling() {
		NotifyProperties.Dispatch settings = new NotifyProperties.Dispatch(true, Duration.ofSeconds(15), 20,
				Duration.ofMinutes(5), 8, Duration.ofMinutes(1), Duration.ofMinutes(10));
		assertThat(MailDispatcher.backoff(1, settings)).isEqualTo(Duration.ofMinutes(1));
		assertThat(MailDispatcher.backoff(2, settings)).isEqualTo(Duration.ofMinutes(2));
		assertThat(MailDispatcher.backoff(4, settings)).isEqualTo(Duration.ofMinutes(8));
		assertThat(MailDispatcher.backoff(7, settings)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void plainAddressesWithADomainAreAcceptedAndTyposRefused() {
		assertThat(EmailAddresses.check(" ana.quispe@munlima.gob.pe ")).contains("ana.quispe@munlima.gob.pe");
		for (String typo : new String[] { "", "ana", "ana@", "ana@munlima", "ana@@munlima.gob.pe", "ana munlima.gob.pe",
				"Ana <ana@munlima.gob.pe>", "ana@munlima.gob.pe.", "a,b@munlima.gob.pe" }) {
			assertThat(EmailAddresses.check(typo)).as(typo).isEmpty();
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

	private static LinkSecrets secret(String value) {
		return new LinkSecrets(null, new NotifyProperties("http://localhost", "x@y.pe", value, null));
	}

}
