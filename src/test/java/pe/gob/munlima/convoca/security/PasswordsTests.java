package pe.gob.munlima.convoca.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password policy and the stored form of a password. */
class PasswordsTests {

	private final Passwords passwords = new Passwords(
			new SecuritySettings(new SecuritySettings.Admin("admin", null, false), 4, java.util.List.of()));

	@Test
	void aPasswordIsStoredAsABcryptHashThatMatchesItAndNothingElse() {
		String hash = this.passwords.hash("una-clave-larga");
		assertThat(hash).startsWith("{bcrypt}$2a$04$").doesNotContain("una-clave-larga");
		assertThat(this.passwords.matches("una-clave-larga", hash)).isTrue();
		assertThat(this.passwords.matches("una-clave-largA", hash)).isFalse();
	}

	@Test
	void shortOverlongAndUsernamePasswordsAreRefused() {
		assertThatThrownBy(() -> this.passwords.check("ana", "corta")).isInstanceOf(UserRejectedException.class)
			.hasFieldOrPropertyWithValue("detailMessageCode", "user.problem.passwordTooShort");
		assertThatThrownBy(() -> this.passwords.check("ana", "ñ".repeat(37)))
			.hasFieldOrPropertyWithValue("detailMessageCode", "user.problem.passwordTooLong");
		assertThatThrownBy(() -> this.passwords.check("ana.torres", "Ana.Torres"))
			.hasFieldOrPropertyWithValue("detailMessageCode", "user.problem.passwordIsUsername");
		this.passwords.check("ana", "una clave de verdad");
	}

	@Test
	void generatedPasswordsAreLongAndDifferent() {
		String first = this.passwords.generate();
		assertThat(first).hasSize(20).matches("[a-zA-Z2-9]+");
		assertThat(this.passwords.generate()).isNotEqualTo(first);
	}

}
