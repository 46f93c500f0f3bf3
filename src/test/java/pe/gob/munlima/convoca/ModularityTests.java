package pe.gob.munlima.convoca;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are modules: each reaches another only through its public
 * top-level types and only the modules it declares, and there are no cycles. The same
 * model writes the diagrams of {@code docs/modules} (PlantUML: the whole application and
 * one per module), so the documentation is the verified structure, not a drawing of it.
 * (No module canvases: their Javadoc source map fails on nested records of this code.)
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(ConvocaApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writeTheModuleDiagrams() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
