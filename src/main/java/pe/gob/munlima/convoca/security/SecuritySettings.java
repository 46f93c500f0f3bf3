package pe.gob.munlima.convoca.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code convoca.security.*}; application.yml documents each setting.
 *
 * @param admin the first administrator
 * @param bcryptStrength log2 of bcrypt's rounds for new hashes; hashes made with a lower
 * strength are upgraded at the user's next login
 * @param publicPaths page paths anyone may open without logging in, such as the
 * unsubscribe link of e-mails
 */
@ConfigurationProperties("convoca.security")
record SecuritySettings(@DefaultValue Admin admin, @DefaultValue("10") int bcryptStrength,
		@DefaultValue("/unsubscribe/**") List<String> publicPaths) {

	/**
	 * @param username the administrator created at start-up when none exists
	 * @param password its password; when blank and no administrator exists, one is
	 * generated and printed once in the start-up log
	 * @param resetPassword set the configured password again at start-up (to recover a
	 * lost administrator password)
	 */
	record Admin(@DefaultValue("admin") String username, String password, boolean resetPassword) {

		boolean configured() {
			return this.password != null && !this.password.isBlank();
		}

	}

}
