package pe.gob.munlima.convoca.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may act for which gerencia, and which role includes which. */
class UserProfileTests {

	@Test
	void aProjectOwnerActsForItsOwnGerenciaOnly() {
		UserProfile owner = new UserProfile("movilidad", "M", "m@x.pe", Role.PROJECT_OWNER, "GMU");
		assertThat(owner.mayActFor("GMU")).isTrue();
		assertThat(owner.mayActFor("PROLIMA")).isFalse();
		assertThat(owner.mayActFor(null)).isFalse();
		assertThat(owner.has(Role.PROJECT_OWNER)).isTrue();
		assertThat(owner.has(Role.SUBGERENCIA)).isFalse();
	}

	@Test
	void theSubgerenciaAndAdminsActForEveryGerencia() {
		UserProfile office = new UserProfile("subgerencia", "S", "s@x.pe", Role.SUBGERENCIA, null);
		UserProfile admin = new UserProfile("admin", "A", "a@x.pe", Role.ADMIN, null);
		assertThat(office.mayActFor("PROLIMA")).isTrue();
		assertThat(admin.mayActFor("GMU")).isTrue();
		assertThat(office.has(Role.ADMIN)).isFalse();
		assertThat(admin.has(Role.SUBGERENCIA)).isTrue();
		assertThat(admin.has(Role.PROJECT_OWNER)).isTrue();
		assertThat(Role.ADMIN.authority()).isEqualTo("ROLE_ADMIN");
	}

}
