package pe.gob.munlima.convoca.db;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no external server is configured. Production sets
 * {@code SPRING_DATASOURCE_URL} (and user and password), which switches this off and lets
 * Spring Boot build the usual pool against that server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__embedded__")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Files.createDirectories(properties.dataDir());
		if (!properties.clean()) {
			// A kill -9 of the last run leaves its server running on the folder.
			StalePostmaster.clean(properties.dataDir());
		}
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(properties.dataDir())
			.setCleanDataDirectory(properties.clean())
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "60")
			// Stopped by the context (destroyMethod), after every bean that uses the
			// database: with its own JVM shutdown hook it stopped in parallel with the
			// context's close, under the event registry's last read.
			.setRegisterShutdownHook(false)
			.start();
		log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(),
				properties.dataDir().toAbsolutePath());
		return postgres;
	}

	/**
	 * @param poolSize {@code spring.datasource.hikari.maximum-pool-size}, the same
	 * setting as for an external server: it must stay above what may hold a connection at
	 * once (application.yml explains the sum), or health and pages wait for one
	 * @param minimumIdle {@code spring.datasource.hikari.minimum-idle}: connections kept
	 * open when idle; each is a PostgreSQL server process of its own, which an idle node
	 * need not keep twenty of
	 */
	@Bean
	DataSource dataSource(EmbeddedPostgres postgres,
			@Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
			@Value("${spring.datasource.hikari.minimum-idle:4}") int minimumIdle) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPassword("postgres");
		dataSource.setMaximumPoolSize(poolSize);
		dataSource.setMinimumIdle(Math.min(minimumIdle, poolSize));
		dataSource.setPoolName("convoca-embedded");
		return dataSource;
	}

}
