package pe.gob.munlima.convoca.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.WebContextTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service notices by itself that its index folder was deleted (no request
 * needed: the periodic check, convoca.search.check-interval) and rebuilds it from the
 * database; searches answer the same afterwards.
 */
class IndexWatchIntegrationTests extends WebContextTestSupport {

	@Test
	void anIndexFolderDeletedWhileRunningIsFoundAndRebuiltFromTheDatabase() throws Exception {
		JsonNode before = api().get("/api/admin/index");
		Path folder = Path.of(before.get("dataDir").asString());
		String generation = before.get("generation").asString();
		long total = api().get("/api/calls?size=1").get("total").asLong();

		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}

		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			JsonNode status = api().get("/api/admin/index");
			assertThat(status.get("rebuild").get("reason").asString()).startsWith("índice dañado");
			assertThat(status.get("rebuild").get("state").asString()).isEqualTo("SUCCEEDED");
			assertThat(status.get("generation").asString()).isNotEqualTo(generation);
		});
		String rebuilt = api().get("/api/admin/index").get("generation").asString();
		assertThat(folder.resolve(rebuilt)).isDirectory();
		assertThat(api().get("/actuator/health").get("components").get("searchIndex").get("status").asString())
			.isEqualTo("UP");
		assertThat(api().get("/api/calls?size=1").get("total").asLong()).isEqualTo(total);
	}

}
