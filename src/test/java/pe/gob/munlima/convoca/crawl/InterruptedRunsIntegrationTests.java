package pe.gob.munlima.convoca.crawl;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.WebContextTestSupport;
import pe.gob.munlima.convoca.WebFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a dead process left RUNNING are INTERRUPTED at start-up, and the source's page
 * says so in the reader's language; runs of live processes (this one, another node) are
 * left alone.
 */
class InterruptedRunsIntegrationTests extends WebContextTestSupport {

	@Autowired
	InterruptedRuns interruptedRuns;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeRuns() {
		this.jdbc.sql("DELETE FROM crawl_run WHERE owner LIKE 'test-%' OR owner IS NULL OR owner = ?")
			.params(RunOwner.current().toString())
			.update();
	}

	@Test
	void runsOfADeadProcessAreInterruptedAtStartUpAndThePageSaysWhy() throws Exception {
		Process finished = new ProcessBuilder("true").start();
		finished.waitFor();
		RunOwner here = RunOwner.current();
		long legacy = insertRun(null);
		long killed = insertRun(new RunOwner(here.host(), finished.pid(), 1).toString());
		long otherNode = insertRun("test-node-2:4242:1");
		long ours = insertRun(here.toString());

		int marked = this.interruptedRuns.mark();

		assertThat(marked).isEqualTo(2);
		assertThat(status(legacy)).isEqualTo("INTERRUPTED");
		assertThat(status(killed)).isEqualTo("INTERRUPTED");
		assertThat(status(otherNode)).as("another node may still be crawling").isEqualTo("RUNNING");
		assertThat(status(ours)).as("this process is running it").isEqualTo("RUNNING");
		assertThat(this.jdbc.sql("SELECT finished_at FROM crawl_run WHERE id = ?")
			.param(killed)
			.query(Timestamp.class)
			.single()).isNotNull();

		this.jdbc.sql("DELETE FROM crawl_run WHERE id IN (?, ?)").params(otherNode, ours).update();
		PageSession browser = new PageSession(this.port);
		assertThat(browser.logIn(Api.ADMIN, Api.ADMIN_PASSWORD)).isTrue();
		String page = browser.get("/admin/fuentes/" + WebFixtures.SOURCE).body();
		assertThat(page).contains("interrumpida")
			.contains(
					"la ejecución se interrumpió (caída o reinicio del servicio); lo que ya había guardado se conserva");
		List<String> statuses = api().get("/api/sources/" + WebFixtures.SOURCE + "/runs").findValuesAsString("status");
		assertThat(statuses).contains("INTERRUPTED").doesNotContain("RUNNING");
	}

	private long insertRun(String owner) {
		return this.jdbc.sql(
				"INSERT INTO crawl_run (source_id, started_at, status, owner) VALUES (?, ?, 'RUNNING', ?) RETURNING id")
			.params(WebFixtures.SOURCE, Timestamp.from(Instant.parse("2026-11-24T10:00:00Z")), owner)
			.query(Long.class)
			.single();
	}

	private String status(long id) {
		return this.jdbc.sql("SELECT status FROM crawl_run WHERE id = ?").param(id).query(String.class).single();
	}

}
