package pe.gob.munlima.convoca.changes;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change log on a real PostgreSQL with the real schema: the triggers write one entry
 * per call and transaction (and none when a crawl only saw the call again), a follower
 * never moves past an entry whose transaction still runs and gives up one that rolled
 * back, and pruning tells followers how far it went.
 */
class ChangeLogIntegrationTests {

	private static EmbeddedPostgres postgres;

	private static DataSource dataSource;

	private JdbcClient jdbc;

	private ChangeLog log;

	@BeforeAll
	static void database() throws IOException {
		postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
		dataSource = postgres.getPostgresDatabase();
		Flyway.configure().dataSource(dataSource).load().migrate();
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@BeforeEach
	void emptyLog() {
		this.jdbc = JdbcClient.create(dataSource);
		// Seqs from 1 again, so a test can name the ones it expects.
		this.jdbc.sql("TRUNCATE change_log RESTART IDENTITY").update();
		this.jdbc.sql("UPDATE change_log_pruned SET upto = 0").update();
		this.log = new ChangeLog(this.jdbc);
	}

	@Test
	void aCallWrittenInOneTransactionIsOneEntryAndACallOnlySeenAgainIsNone() throws SQLException {
		long id;
		try (Connection tx = dataSource.getConnection()) {
			tx.setAutoCommit(false);
			id = insertCall(tx, "one");
			try (Statement statement = tx.createStatement()) {
				statement.executeUpdate("INSERT INTO call_key_date (call_id, kind, at, zone, date_only) VALUES (" + id
						+ ", 'DEADLINE', now(), 'America/Lima', true)");
				statement.executeUpdate("UPDATE call SET title = 'Fondo de agua, segunda versión' WHERE id = " + id);
			}
			tx.commit();
		}
		assertThat(entries()).containsExactly("CALL " + id);

		this.jdbc.sql("UPDATE call SET last_seen_at = now() + interval '1 day' WHERE id = ?").param(id).update();
		assertThat(entries()).as("seen again, unchanged").containsExactly("CALL " + id);

		this.jdbc.sql("UPDATE call SET status = 'CLOSED' WHERE id = ?").param(id).update();
		assertThat(entries()).containsExactly("CALL " + id, "CALL " + id);
	}

	@Test
	void aFollowerWaitsForAnEntryWhoseTransactionStillRunsAndGivesUpOneThatRolledBack() throws SQLException {
		ChangeCursor cursor = new ChangeCursor(this.log.settledEnd(Duration.ofSeconds(5)));
		long start = cursor.applied();
		try (Connection slow = dataSource.getConnection(); Connection aborted = dataSource.getConnection()) {
			slow.setAutoCommit(false);
			aborted.setAutoCommit(false);
			append(slow, Change.Kind.THESAURUS);
			append(aborted, Change.Kind.SOURCES);
			this.log.append(Change.Kind.THESAURUS, null);

			read(cursor);
			assertThat(cursor.highest()).isEqualTo(start + 3);
			assertThat(cursor.applied()).as("two earlier seqs may still commit").isEqualTo(start);

			slow.commit();
			List<Change> late = read(cursor);
			assertThat(late).extracting(Change::seq).containsExactly(start + 1);
			assertThat(cursor.applied()).as("the other one still runs").isEqualTo(start + 1);

			aborted.rollback();
			assertThat(read(cursor)).isEmpty();
			assertThat(cursor.applied()).as("rolled back: it will never come").isEqualTo(start + 3);
		}
	}

	@Test
	void pruningRemovesOldEntriesAndRemembersHowFarItWent() {
		this.log.append(Change.Kind.THESAURUS, null);
		this.log.append(Change.Kind.SOURCES, null);
		long last = this.log.lastSeq();
		this.jdbc.sql("UPDATE change_log SET at = now() - interval '8 days' WHERE seq < ?").param(last).update();

		int removed = this.log.prune(Duration.ofDays(7));

		assertThat(removed).isEqualTo(1);
		assertThat(this.log.prunedUpTo()).isEqualTo(last - 1);
		assertThat(entries()).containsExactly("SOURCES null");
		assertThat(this.log.prune(Duration.ofDays(7))).isZero();
	}

	private List<Change> read(ChangeCursor cursor) {
		ChangeLog.Read read = this.log.read(cursor, 100);
		cursor.advance(read.changes(), read.xmin(), read.xmax());
		return read.changes();
	}

	private List<String> entries() {
		return this.jdbc.sql("SELECT kind || ' ' || coalesce(subject_id::text, 'null') FROM change_log ORDER BY seq")
			.query(String.class)
			.list();
	}

	private static void append(Connection connection, Change.Kind kind) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO change_log (kind) VALUES ('" + kind + "')");
		}
	}

	private static long insertCall(Connection connection, String key) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet id = statement.executeQuery("INSERT INTO call (stable_key, source_id, external_id, funder, "
						+ "title, summary, summary_text, status, content_hash, first_seen_at, last_seen_at, updated_at) "
						+ "VALUES ('test:" + key + "', 'test', '" + key + "', 'Fundación', 'Fondo de agua', '', '', "
						+ "'OPEN', 'h', now(), now(), now()) RETURNING id")) {
			id.next();
			return id.getLong(1);
		}
	}

}
