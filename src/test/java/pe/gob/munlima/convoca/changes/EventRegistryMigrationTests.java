package pe.gob.munlima.convoca.changes;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V76 on a database that ran the alerts of V40: what the alerts knew moves to their own
 * tables, the events nobody acted on yet become publications of the alerts' listeners,
 * and new change notices cannot take the outbox key of an old one.
 */
class EventRegistryMigrationTests {

	private static EmbeddedPostgres postgres;

	private static DataSource dataSource;

	@BeforeAll
	static void database() throws IOException {
		postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
		dataSource = postgres.getPostgresDatabase();
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@Test
	void theAlertsKeepWhatTheyKnewAndPendingEventsBecomePublications() {
		Flyway.configure().dataSource(dataSource).target("75").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		long call = jdbc
			.sql("INSERT INTO call (stable_key, source_id, external_id, funder, title, summary, summary_text, "
					+ "status, content_hash, first_seen_at, last_seen_at, updated_at) VALUES ('test:m', 'test', 'm', "
					+ "'Fundación', 'Fondo de agua', '', '', 'OPEN', 'h', now(), now(), now()) RETURNING id")
			.query(Long.class)
			.single();
		long gerencia = jdbc
			.sql("INSERT INTO gerencia (code, name, competences) VALUES ('GT', 'Gerencia de prueba', '{}') "
					+ "RETURNING id")
			.query(Long.class)
			.single();
		String match = "INSERT INTO match (call_id, gerencia_id, verdict, reasons, score, ruleset_version, "
				+ "first_seen_at, changed_at, alerted_at) VALUES (?, ?, ?, '[]', 1, 'v1', "
				+ "'2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', CAST(? AS TIMESTAMPTZ)) RETURNING id";
		long announced = jdbc.sql(match)
			.params(call, gerencia, "ELIGIBLE", "2026-11-09T13:00:00Z")
			.query(Long.class)
			.single();
		String event = "INSERT INTO alert_call_event (call_id, kind, changes, recorded_at, processed_at) "
				+ "VALUES (?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ)) RETURNING id";
		String deadline = "[{\"field\":\"deadline\",\"before\":\"2027-03-15T05:00:00Z\",\"after\":\"2027-04-30T05:00:00Z\"}]";
		long done = jdbc.sql(event)
			.params(call, "UPDATED", deadline, "2026-11-03T10:00:00Z", "2026-11-03T10:00:20Z")
			.query(Long.class)
			.single();
		jdbc.sql(event).params(call, "NEW", "[]", "2026-11-01T00:00:00Z", "2026-11-01T00:00:20Z").query().listOfRows();
		jdbc.sql(event).params(call, "UPDATED", deadline, "2026-11-24T15:00:00.123456Z", null).query().listOfRows();
		long last = jdbc.sql(event)
			.params(call, "CLOSED", "[{\"field\":\"status\",\"before\":\"OPEN\",\"after\":\"CLOSED\"}]",
					"2026-11-25T15:00:00Z", null)
			.query(Long.class)
			.single();

		Flyway.configure().dataSource(dataSource).load().migrate();

		assertThat(jdbc
			.sql("SELECT verdict, announced_at IS NOT NULL AS announced FROM alert_match " + "WHERE match_id = ?")
			.param(announced)
			.query()
			.singleRow()).containsEntry("verdict", "ELIGIBLE").containsEntry("announced", true);
		assertThat(jdbc.sql("SELECT id FROM alert_call_change").query(Long.class).list())
			.as("the change acted on keeps its id; the call's arrival is no change")
			.containsExactly(done);
		long next = jdbc
			.sql("INSERT INTO alert_call_change (call_id, kind, changes, recorded_at) "
					+ "VALUES (?, 'UPDATED', '[]', now()) RETURNING id")
			.param(call)
			.query(Long.class)
			.single();
		assertThat(next).as("past every old event's id (outbox keys change:<id>:...)").isGreaterThan(last);

		List<Map<String, Object>> publications = jdbc
			.sql("SELECT listener_id, event_type, serialized_event, status FROM event_publication "
					+ "ORDER BY listener_id")
			.query()
			.listOfRows();
		assertThat(publications).extracting(row -> row.get("listener_id"))
			.containsExactly("alert.call-closed", "alert.call-stored");
		JsonMapper json = JsonMapper.builder().build();
		JsonNode closed = json.readTree((String) publications.get(0).get("serialized_event"));
		assertThat(publications.get(0).get("event_type")).isEqualTo("pe.gob.munlima.convoca.call.CallClosed");
		assertThat(closed.get("callId").asLong()).isEqualTo(call);
		assertThat(closed.get("statusBefore").asString()).isEqualTo("OPEN");
		assertThat(closed.get("closedAt").asString()).isEqualTo("2026-11-25T15:00:00.000000Z");
		JsonNode stored = json.readTree((String) publications.get(1).get("serialized_event"));
		assertThat(stored.get("change").asString()).isEqualTo("UPDATED");
		assertThat(stored.get("at").asString()).isEqualTo("2026-11-24T15:00:00.123456Z");
		assertThat(stored.get("changes").get(0).get("field").asString()).isEqualTo("deadline");

		assertThat(jdbc
			.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'match' "
					+ "AND column_name = 'alerted_at'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT to_regclass('alert_call_event') IS NULL").query(Boolean.class).single()).isTrue();
	}

}
