package pe.gob.munlima.convoca.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data.
 *
 * @param dataDir folder of the cluster; kept between runs so the demo survives restarts
 * @param clean whether to wipe the folder at start (tests use a fresh temporary folder)
 */
@ConfigurationProperties("convoca.embedded-db")
record EmbeddedDatabaseProperties(Path dataDir, boolean clean) {

	EmbeddedDatabaseProperties {
		if (dataDir == null) {
			dataDir = Path.of("data", "postgres");
		}
	}

}
