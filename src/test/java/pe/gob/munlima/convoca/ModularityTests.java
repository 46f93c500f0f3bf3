package pe.gob.munlima.convoca;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are modules: each reaches another only through its public
 * top-level types, and there are no cycles (crawl → call → search / match → rules,
 * project).
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(ConvocaApplication.class).verify();
	}

}
