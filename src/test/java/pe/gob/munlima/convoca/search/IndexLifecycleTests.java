package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.munlima.convoca.search.TestCall.call;

/**
 * The index as derived data: visible at once, rebuilt from the database while searches go
 * on, and rebuilt at start-up when missing, corrupt or of an older schema.
 */
class IndexLifecycleTests {

	@TempDir
	Path dir;

	@Test
	void aStoredCallIsSearchableWithinOneSecond() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			long started = System.nanoTime();
			fixture.store(call(1, "es", "Fondo de residuos sólidos").summary("Reciclaje en distritos."));
			List<Long> found = fixture.ids("reciclaje");
			long millis = (System.nanoTime() - started) / 1_000_000;

			assertThat(found).containsExactly(1L);
			assertThat(millis).isLessThan(1_000);
		}
	}

	@Test
	void rebuildWhileSearchingAnswersEveryQueryAndEndsWithTheSameResults() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			for (int i = 1; i <= 1_500; i++) {
				String title = (i % 3 == 0) ? "Urban mobility fund " + i : "Programa de agua potable " + i;
				fixture.database.put((long) i, call(i, i % 3 == 0 ? "en" : "es", title).summary("Texto " + i).view());
			}
			fixture.indexer.rebuild("prueba");
			String generation = fixture.index.generation();
			SearchResult before = fixture.search("movilidad urbana");
			List<Long> beforeAll = allIds(fixture);
			AtomicBoolean running = new AtomicBoolean(true);
			List<Throwable> errors = new CopyOnWriteArrayList<>();
			AtomicInteger searches = new AtomicInteger();
			Thread searcher = new Thread(() -> {
				while (running.get()) {
					try {
						SearchResult result = fixture.search("movilidad urbana");
						if (result.total() != before.total()) {
							errors.add(new AssertionError("total " + result.total() + " during rebuild"));
						}
						searches.incrementAndGet();
					}
					catch (RuntimeException ex) {
						errors.add(ex);
					}
				}
			}, "test-searcher");
			searcher.start();
			while (searches.get() == 0) {
				Thread.onSpinWait();
			}

			fixture.indexer.rebuild("prueba");
			int during = searches.get();
			running.set(false);
			searcher.join();

			assertThat(errors).isEmpty();
			assertThat(during).isPositive();
			assertThat(fixture.index.generation()).isNotEqualTo(generation);
			assertThat(fixture.indexer.status().state()).isEqualTo(CallIndexer.RebuildStatus.State.SUCCEEDED);
			assertThat(fixture.indexer.status().done()).isEqualTo(1_500);
			SearchResult after = fixture.search("movilidad urbana");
			assertThat(after.total()).isEqualTo(before.total()).isEqualTo(500);
			// Equal scores tie-break by document order, which a parallel rebuild may
			// change:
			// compare every matching call, not the first page.
			assertThat(allIds(fixture)).hasSize(500).containsExactlyInAnyOrderElementsOf(beforeAll);
			try (Stream<Path> generations = Files.list(this.dir.resolve("index"))) {
				assertThat(generations.filter(Files::isDirectory).count()).as("old generation removed").isEqualTo(1);
			}
		}
	}

	@Test
	void callsStoredDuringARebuildAreInTheNewIndex() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			fixture.store(call(1, "es", "Agua potable para Lima"));
			IndexGeneration next = fixture.index.beginRebuild();
			fixture.index.load(next, List.copyOf(fixture.database.values()));
			// Stored after the rebuild read the database: only the live index has it.
			fixture.store(call(2, "es", "Agua y saneamiento rural"));

			fixture.index.completeRebuild(next, fixture.calls::find);

			assertThat(fixture.ids("agua")).containsExactlyInAnyOrder(1L, 2L);
		}
	}

	@Test
	void aCorruptIndexIsRebuiltFromTheDatabaseAtStartUp() throws Exception {
		Path generation;
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			fixture.store(call(1, "es", "Seguridad ciudadana en Lima"), call(2, "en", "Citizen security grants"));
			generation = this.dir.resolve("index").resolve(fixture.index.generation());
			fixture.close();
			Map<Long, ?> stored = Map.copyOf(fixture.database);
			assertThat(stored).hasSize(2);
			// Garble every file of the live generation.
			try (Stream<Path> files = Files.list(generation)) {
				for (Path file : files.toList()) {
					Files.writeString(file, "no es un índice", StandardCharsets.UTF_8);
				}
			}

			fixture.open();

			assertThat(fixture.index.rebuildReason()).contains("no se puede leer");
			assertThat(fixture.index.isReady()).isTrue();
			assertThat(fixture.index.documentCount()).isEqualTo(2);
			assertThat(fixture.ids("seguridad ciudadana")).containsExactlyInAnyOrder(1L, 2L);
			assertThat(generation).doesNotExist();
		}
	}

	@Test
	void anIndexOfAnOlderSchemaOrNoneAtAllIsRebuiltAtStartUp() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			assertThat(fixture.index.rebuildReason()).startsWith("no hay índice");
			fixture.store(call(1, "pt", "Mobilidade urbana"));
			Path generation = this.dir.resolve("index").resolve(fixture.index.generation());
			fixture.close();
			writeSchema(generation, "1");

			fixture.open();

			assertThat(fixture.index.rebuildReason()).contains("esquema 1");
			assertThat(fixture.ids("mobilidade")).containsExactly(1L);
			fixture.close();

			fixture.open();
			assertThat(fixture.index.rebuildReason()).as("a current index is kept").isNull();
			assertThat(fixture.indexer.status().state()).isEqualTo(CallIndexer.RebuildStatus.State.NEVER);
			assertThat(fixture.ids("mobilidade")).containsExactly(1L);
		}
	}

	@Test
	void anEditedThesaurusAppliesAfterAReloadAndABrokenOneIsRefused() throws Exception {
		Path thesaurus = this.dir.resolve("thesaurus.yaml");
		Files.writeString(thesaurus, "groups: []\n", StandardCharsets.UTF_8);
		try (SearchFixture fixture = new SearchFixture(this.dir, thesaurus)) {
			fixture.store(call(1, "en", "Participatory budgeting pilot").summary("Citizens decide."));
			assertThat(fixture.ids("presupuesto participativo")).isEmpty();

			Files.writeString(thesaurus,
					"""
							groups:
							  - [presupuesto participativo, participatory budgeting, budget participatif, orcamento participativo]
							""",
					StandardCharsets.UTF_8);
			ThesaurusStore.Status status = fixture.thesaurus.reload();

			assertThat(status.groups()).isGreaterThan(status.themeGroups());
			assertThat(fixture.ids("presupuesto participativo")).containsExactly(1L);

			Files.writeString(thesaurus, "groups: [[sin cerrar\n", StandardCharsets.UTF_8);
			org.assertj.core.api.Assertions.assertThatThrownBy(fixture.thesaurus::reload)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("thesaurus.yaml");
			assertThat(fixture.ids("presupuesto participativo")).containsExactly(1L);
		}
	}

	private static List<Long> allIds(SearchFixture fixture) {
		return fixture.search.all(SearchRequest.of("movilidad urbana", 0, 20))
			.stream()
			.map(SearchResult.Hit::id)
			.toList();
	}

	private static void writeSchema(Path generation, String version) throws IOException {
		try (FSDirectory directory = FSDirectory.open(generation);
				IndexWriter writer = new IndexWriter(directory,
						new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
			writer.setLiveCommitData(Map.of(IndexGeneration.SCHEMA_KEY, version).entrySet());
			writer.commit();
		}
	}

}
