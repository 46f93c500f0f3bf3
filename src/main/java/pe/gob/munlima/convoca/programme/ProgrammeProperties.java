package pe.gob.munlima.convoca.programme;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signalsFile the grouping signals and forecast parameters
 * ({@code index/programmes.yaml})
 */
@ConfigurationProperties("convoca.programmes")
record ProgrammeProperties(Path signalsFile) {

	ProgrammeProperties {
		if (signalsFile == null) {
			signalsFile = Path.of("index", "programmes.yaml");
		}
	}

}
