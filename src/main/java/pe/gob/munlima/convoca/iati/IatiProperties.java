package pe.gob.munlima.convoca.iati;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param codesFile the IATI codes Convoca uses, with Spanish labels
 * @param sectorsFile DAC sector → theme mapping
 * @param organisationsFile IATI organisation identifiers → funder
 * @param batchSize activities stored per transaction (bounds the heap of an import)
 */
@ConfigurationProperties("convoca.iati")
record IatiProperties(Path codesFile, Path sectorsFile, Path organisationsFile, Integer batchSize) {

	IatiProperties {
		if (codesFile == null) {
			codesFile = Path.of("index", "iati", "codes.yaml");
		}
		if (sectorsFile == null) {
			sectorsFile = Path.of("index", "iati-sectors.yaml");
		}
		if (organisationsFile == null) {
			organisationsFile = Path.of("index", "iati-organisations.yaml");
		}
		if (batchSize == null || batchSize < 1) {
			batchSize = 200;
		}
	}

}
