package pe.gob.munlima.convoca.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A service about to be killed, in its own JVM: starts the embedded PostgreSQL on the
 * folder it is given, stores a row, writes "ready" and waits to be killed with SIGKILL,
 * which leaves its server running as an orphan, as a kill -9 of Convoca does.
 */
final class KilledServiceMain {

	private KilledServiceMain() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Path.of(args[0]);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE kept (what TEXT)");
			statement.execute("INSERT INTO kept VALUES ('stored before the kill')");
		}
		Files.writeString(Path.of(args[1]), "ready");
		Thread.sleep(Duration.ofMinutes(5).toMillis());
	}

}
