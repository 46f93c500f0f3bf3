package pe.gob.munlima.convoca.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.changes.ChangeLog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static pe.gob.munlima.convoca.search.TestCall.call;

/**
 * The index checked while the service runs: a deleted or garbled index folder turns
 * health DOWN for search and starts a rebuild from the database, calls stored meanwhile
 * are searchable afterwards, and a rebuild request answers 409 or 503 problems, never a
 * 500.
 */
class IndexRecoveryTests {

	@TempDir
	Path dir;

	@Test
	void aDeletedIndexFolderTurnsHealthDownAndIsRebuiltWithTheCallsStoredMeanwhile() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			fixture.store(call(1, "es", "Fondo de agua potable"), call(2, "es", "Programa de agua y saneamiento"));
			IndexHealthIndicator health = new IndexHealthIndicator(fixture.index, fixture.indexer);
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
			CallIndexer.RebuildStatus before = fixture.indexer.status();
			assertThat(fixture.indexer.check()).as("a sound index").isNull();
			assertThat(fixture.indexer.status()).as("no rebuild for a sound index").isEqualTo(before);
			CountDownLatch gate = new CountDownLatch(1);
			fixture.rebuildGate = gate;

			deleteTree(this.dir.resolve("index"));
			String problem = fixture.indexer.check();

			assertThat(problem).contains("ya no se puede leer");
			Health down = health.health();
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails().get("problem").toString()).contains("ya no se puede leer");
			assertThat(fixture.indexer.status().state()).isEqualTo(CallIndexer.RebuildStatus.State.RUNNING);
			assertThat(fixture.indexer.status().reason()).startsWith("índice dañado");

			// A call stored while the index is gone: the live index cannot take it, the
			// rebuild re-reads it.
			TestCall late = call(3, "es", "Fondo de agua para barrios altos");
			fixture.database.put(3L, late.view());
			fixture.indexer.on(new CallStored(3, CallStored.Change.NEW, List.of(), java.time.Instant.now()));
			gate.countDown();

			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> fixture.indexer.status().state() == CallIndexer.RebuildStatus.State.SUCCEEDED);
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
			assertThat(fixture.indexer.check()).isNull();
			assertThat(fixture.ids("agua")).containsExactlyInAnyOrder(1L, 2L, 3L);
			assertThat(this.dir.resolve("index").resolve(fixture.index.generation())).isDirectory();
		}
	}

	@Test
	void aGarbledCommitIsFoundWhileRunning() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			fixture.store(call(1, "pt", "Mobilidade urbana"));
			Path generation = this.dir.resolve("index").resolve(fixture.index.generation());
			try (Stream<Path> files = Files.list(generation)) {
				for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
					Files.writeString(file, "no es un índice", StandardCharsets.UTF_8);
				}
			}

			assertThat(fixture.indexer.check()).contains("ya no se puede leer");

			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> fixture.indexer.status().state() == CallIndexer.RebuildStatus.State.SUCCEEDED);
			assertThat(fixture.index.isReady()).isTrue();
			assertThat(fixture.ids("mobilidade")).containsExactly(1L);
		}
	}

	@Test
	void aRebuildRequestWhileOneRunsIsA409ProblemWithTheProgress() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			fixture.store(call(1, "es", "Fondo de agua potable"));
			IndexAdminController controller = new IndexAdminController(fixture.index, fixture.indexer,
					fixture.thesaurus, mock(ChangeLog.class));
			CountDownLatch gate = new CountDownLatch(1);
			fixture.rebuildGate = gate;
			try {
				assertThat(controller.rebuild().getStatusCode().value()).isEqualTo(202);

				ErrorResponseException busy = catchThrowableOfType(ErrorResponseException.class, controller::rebuild);

				assertThat(busy.getStatusCode().value()).isEqualTo(409);
				assertThat(busy.getDetailMessageCode()).isEqualTo("index.rebuild.busy");
				assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
				assertThat(busy.getBody().getProperties()).containsKey("rebuild");
			}
			finally {
				gate.countDown();
			}
		}
	}

	@Test
	void aRebuildThatCannotStartIsA503ProblemAndTheOldIndexKeepsAnswering() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			fixture.store(call(1, "es", "Fondo de agua potable"));
			IndexAdminController controller = new IndexAdminController(fixture.index, fixture.indexer,
					fixture.thesaurus, mock(ChangeLog.class));
			given(fixture.calls.count()).willThrow(new IllegalStateException("la base de datos no responde"));

			ErrorResponseException unavailable = catchThrowableOfType(ErrorResponseException.class,
					controller::rebuild);

			assertThat(unavailable.getStatusCode().value()).isEqualTo(503);
			assertThat(unavailable.getDetailMessageCode()).isEqualTo("index.rebuild.unavailable");
			assertThat(unavailable.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
			assertThat(fixture.indexer.status().state()).as("nothing left RUNNING")
				.isNotEqualTo(CallIndexer.RebuildStatus.State.RUNNING);
			assertThat(fixture.ids("agua")).containsExactly(1L);
			assertThat(controller.status().documents()).isEqualTo(1);
		}
	}

	private static void deleteTree(Path root) throws Exception {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
