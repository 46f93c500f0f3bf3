package pe.gob.munlima.convoca.db;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart after kill -9 works at the first attempt: the embedded server the killed run
 * left behind is stopped, a stale pid file is removed, and what was stored survives.
 */
class StalePostmasterTests {

	@TempDir
	Path dir;

	private Process killed;

	private EmbeddedPostgres restarted;

	@AfterEach
	void stopEverything() throws Exception {
		if (this.killed != null) {
			this.killed.destroyForcibly();
		}
		if (this.restarted != null) {
			this.restarted.close();
		}
	}

	@Test
	void theServerAKilledRunLeftIsStoppedAndTheRestartKeepsTheData() throws Exception {
		Path data = this.dir.resolve("postgres");
		Path ready = this.dir.resolve("ready");
		this.killed = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
				KilledServiceMain.class.getName(), data.toString(), ready.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("killed.log").toFile())
			.start();
		Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(ready) || !this.killed.isAlive());
		assertThat(ready).as("the child service started its server").exists();
		long orphan = StalePostmaster.readPid(data.resolve(StalePostmaster.PID_FILE)).orElseThrow();

		this.killed.destroyForcibly().waitFor();

		ProcessHandle server = ProcessHandle.of(orphan).orElseThrow();
		assertThat(server.isAlive()).as("kill -9 of the service leaves its server running").isTrue();
		assertThat(StalePostmaster.isPostmasterOf(server, data)).isTrue();

		this.restarted = start(data);

		assertThat(server.isAlive()).as("the orphan was stopped").isFalse();
		assertThat(read(this.restarted)).containsExactly("stored before the kill");
	}

	@Test
	void aPidFileNamingAnotherLiveProgramIsRemovedAndTheProgramLeftAlone() throws Exception {
		Path data = this.dir.resolve("postgres");
		EmbeddedPostgres first = start(data);
		first.close();
		Process other = new ProcessBuilder("sleep", "60").start();
		try {
			// A stale file whose pid was reused: PostgreSQL itself refuses to start
			// ("lock file already exists") while that pid lives.
			Files.writeString(data.resolve(StalePostmaster.PID_FILE), other.pid() + "\n" + data.toAbsolutePath() + "\n",
					StandardCharsets.UTF_8);

			assertThat(StalePostmaster.clean(data)).isEqualTo(StalePostmaster.Outcome.STALE_PID_FILE_REMOVED);
			this.restarted = start(data);

			assertThat(other.isAlive()).as("a program that is not our server is never stopped").isTrue();
			assertThat(read(this.restarted)).isEmpty();
		}
		finally {
			other.destroyForcibly();
		}
	}

	@Test
	void aFolderHeldByARunningServiceIsNotTouched() throws Exception {
		Path data = this.dir.resolve("postgres");
		this.restarted = start(data);
		long pid = StalePostmaster.readPid(data.resolve(StalePostmaster.PID_FILE)).orElseThrow();

		assertThat(StalePostmaster.clean(data)).isEqualTo(StalePostmaster.Outcome.IN_USE);

		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
		assertThat(data.resolve(StalePostmaster.PID_FILE)).exists();
	}

	private static EmbeddedPostgres start(Path data) throws Exception {
		return new EmbeddedDatabaseConfiguration().embeddedPostgres(new EmbeddedDatabaseProperties(data, false));
	}

	private static List<String> read(EmbeddedPostgres postgres) throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			ResultSet exists = statement.executeQuery("SELECT to_regclass('kept') IS NOT NULL");
			exists.next();
			if (!exists.getBoolean(1)) {
				return List.of();
			}
			ResultSet rows = statement.executeQuery("SELECT what FROM kept");
			List<String> values = new java.util.ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	private static String java() {
		Optional<String> command = ProcessHandle.current().info().command();
		return command.orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
	}

}
