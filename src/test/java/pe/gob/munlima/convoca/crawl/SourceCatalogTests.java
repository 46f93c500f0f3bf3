package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SourceCatalogTests {

	@TempDir
	Path dir;

	@Test
	void everyShippedDefinitionIsValidAndSaysWhatWasChecked() {
		SourceCatalog catalog = new SourceCatalog(properties(Path.of("crawlers")));

		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.all()).isNotEmpty();
		assertThat(catalog.all()).allSatisfy(source -> assertThat(source.checked()).isNotBlank());
	}

	@Test
	void badDefinitionsAreSkippedNamingFileAndFieldWhileGoodOnesLoad() throws IOException {
		write("good.yaml", """
				id: good
				funder: Funder
				kind: atom
				url: https://example.org/feed
				schedule: {cron: "0 0 6 * * ?", zone: America/Lima}
				""");
		write("bad-cron.yaml", """
				id: bad-cron
				funder: Funder
				kind: rss
				url: https://example.org/feed
				schedule: {cron: "every monday"}
				""");
		write("bad-url.yaml", """
				id: bad-url
				funder: Funder
				kind: rss
				url: ftp://example.org/feed
				schedule: {cron: "0 0 6 * * ?"}
				""");
		write("typo.yaml", """
				id: typo
				funder: Funder
				kind: rss
				url: https://example.org/feed
				shedule: {cron: "0 0 6 * * ?"}
				""");
		write("no-funder.yaml", """
				id: no-funder
				kind: html
				url: https://example.org/feed
				schedule: {cron: "0 0 6 * * ?"}
				""");
		write("broken.yaml", "id: [unclosed");

		SourceCatalog catalog = new SourceCatalog(properties(this.dir));

		assertThat(catalog.all()).extracting(SourceDefinition::id).containsExactly("good");
		assertThat(catalog.problems()).extracting(p -> p.file() + "/" + p.field())
			.containsExactlyInAnyOrder("bad-cron.yaml/schedule.cron", "bad-url.yaml/url", "typo.yaml/shedule",
					"no-funder.yaml/funder", "no-funder.yaml/kind", "broken.yaml/id");
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.dir.resolve(name), text, StandardCharsets.UTF_8);
	}

	static CrawlProperties properties(Path dir) {
		return new CrawlProperties(dir, "test", Duration.ofSeconds(2), Duration.ofSeconds(2), 1024L * 1024, true,
				Duration.ZERO, Duration.ofMillis(10), Duration.ZERO);
	}

}
