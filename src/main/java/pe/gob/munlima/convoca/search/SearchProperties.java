package pe.gob.munlima.convoca.search;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir folder of the live Lucene index (git-ignored, rebuilt when missing)
 */
@ConfigurationProperties("convoca.search")
record SearchProperties(Path dataDir) {

	SearchProperties {
		if (dataDir == null) {
			dataDir = Path.of("index", "data");
		}
	}

}
