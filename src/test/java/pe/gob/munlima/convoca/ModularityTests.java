package pe.gob.munlima.convoca;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

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

	private static final Path DIAGRAMS = Path.of("docs", "modules");

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writeTheModuleDiagrams() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		try (Stream<Path> files = Files.list(DIAGRAMS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				Files.write(file, stableOrder(Files.readAllLines(file)));
			}
		}
	}

	/**
	 * The Documenter writes components and relations in a different order on every run;
	 * each run of them sorted, the files change only when the structure does (and two
	 * branches that both ran the tests do not conflict on them).
	 */
	private static List<String> stableOrder(List<String> lines) {
		List<String> sorted = new ArrayList<>();
		List<String> run = new ArrayList<>();
		String kind = null;
		for (String line : lines) {
			String lineKind = line.strip().startsWith("Component(") ? "component"
					: line.startsWith("Rel(") ? "relation" : null;
			if (!Objects.equals(lineKind, kind)) {
				run.sort(null);
				sorted.addAll(run);
				run.clear();
				kind = lineKind;
			}
			if (lineKind == null) {
				sorted.add(line);
			}
			else {
				run.add(line);
			}
		}
		run.sort(null);
		sorted.addAll(run);
		return sorted;
	}

}
