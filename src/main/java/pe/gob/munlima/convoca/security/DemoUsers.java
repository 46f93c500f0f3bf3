package pe.gob.munlima.convoca.security;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo users with published passwords (README), so the demo can be tried in each role.
 * Only with demo data on, and never in the {@code prod} profile even if demo data is
 * switched on there. Runs after the demo gerencias exist; never touches a user that
 * already exists.
 */
@Component
@Order(20)
@Profile("!prod")
@ConditionalOnBooleanProperty("convoca.demo.enabled")
class DemoUsers implements ApplicationRunner {

	/** The passwords are documented in the README. */
	static final List<DemoUser> USERS = List.of(
			new DemoUser("subgerencia", "Subgerencia de Cooperación Técnica Internacional (demo)",
					"subgerencia@convoca.local", Role.SUBGERENCIA, null, "subgerencia-demo"),
			new DemoUser("movilidad", "Responsable de proyectos, Gerencia de Movilidad Urbana (demo)",
					"movilidad@convoca.local", Role.PROJECT_OWNER, "GMU", "movilidad-demo"));

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final Accounts accounts;

	private final Passwords passwords;

	private final GerenciaDirectory gerencias;

	private final Clock clock;

	DemoUsers(Accounts accounts, Passwords passwords, GerenciaDirectory gerencias, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.gerencias = gerencias;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (DemoUser user : USERS) {
			if (this.accounts.findByUsername(user.username()).isPresent()) {
				continue;
			}
			if (user.gerencia() != null && this.gerencias.nameOf(user.gerencia()).isEmpty()) {
				log.warn("Demo user {} not created: gerencia {} does not exist", user.username(), user.gerencia());
				continue;
			}
			this.accounts.save(
					new Account(user.username(), user.displayName(), user.email(), this.passwords.hash(user.password()),
							user.role(), user.gerencia(), this.clock.instant().truncatedTo(ChronoUnit.MICROS)));
			log.info("Demo user '{}' ({}) created; its password is in the README", user.username(), user.role());
		}
	}

	record DemoUser(String username, String displayName, String email, Role role, String gerencia, String password) {
	}

}
