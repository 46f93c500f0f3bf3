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
		SourceCatalog catalog = new SourceCatalog(properties(Path.of("crawlers")), new Extractors());

		assertThat(catalog.problems()).isEmpty();
		assertThat(catalog.all()).isNotEmpty();
		assertThat(catalog.all()).allSatisfy(source -> assertThat(source.checked()).isNotBlank());
	}

	@Test
	void anIatiSourceDeclaresNoMappingAndPagesByOffsetOnly() throws IOException {
		write("iati-ok.yaml", """
				id: iati-ok
				funder: Datastore
				kind: iati
				url: https://datastore.example.org/activity.xml?recipient-country=PE&limit=${size}&offset=${offset}
				pagination: {start: 0, size: 500}
				schedule: {cron: "0 0 6 * * ?"}
				""");
		write("iati-mapped.yaml", """
				id: iati-mapped
				funder: Datastore
				kind: iati
				url: https://datastore.example.org/activity.xml
				items: iati-activity
				fields: {title: title}
				filter: {keepIf: [{field: title, matches: agua}]}
				schedule: {cron: "0 0 6 * * ?"}
				""");
		write("iati-next.yaml", """
				id: iati-next
				funder: Datastore
				kind: iati
				url: https://datastore.example.org/activity.xml?offset=${offset}
				pagination: {size: 50, total: query.total-count}
				schedule: {cron: "0 0 6 * * ?"}
				""");

		SourceCatalog catalog = new SourceCatalog(properties(this.dir), new Extractors());

		assertThat(catalog.all()).extracting(SourceDefinition::id).containsExactly("iati-ok");
		assertThat(catalog.problems()).extracting(p -> p.file() + "/" + p.field())
			.containsExactlyInAnyOrder("iati-mapped.yaml/items", "iati-mapped.yaml/fields", "iati-mapped.yaml/filter",
					"iati-next.yaml/pagination");
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
		write("bad-kind.yaml", """
				id: bad-kind
				funder: Funder
				kind: pdf
				url: https://example.org/bases.pdf
				schedule: {cron: "0 0 6 * * ?"}
				""");
		write("broken.yaml", "id: [unclosed");

		SourceCatalog catalog = new SourceCatalog(properties(this.dir), new Extractors());

		assertThat(catalog.all()).extracting(SourceDefinition::id).containsExactly("good");
		assertThat(catalog.problems()).extracting(p -> p.file() + "/" + p.field())
			.containsExactlyInAnyOrder("bad-cron.yaml/schedule.cron", "bad-url.yaml/url", "typo.yaml/shedule",
					"no-funder.yaml/funder", "no-funder.yaml/items", "no-funder.yaml/fields.title",
					"bad-kind.yaml/kind", "broken.yaml/id");
	}

	@Test
	void selectorsPathsPatternsAndFieldsAreCheckedOnLoadWithTheirField() throws IOException {
		write("html-bad.yaml", """
				id: html-bad
				funder: Funder
				kind: html
				url: https://example.org/convocatorias?page=${page}
				pagination: {start: 0, maxPages: 0}
				items: "div.item[["
				fields:
				  title: "h3 a@"
				  deadline: {from: p.plazo, pattern: "(unclosed"}
				  fechaLimite: p.fecha
				  amount: {from: p.monto, markup: true, format: "sin marcador"}
				detail:
				  url: https://otro.example.org/${codigo}
				  fields: {summary: {from: div.texto, markup: true}}
				filter:
				  keepIf: [{field: countries, matches: Per}]
				schedule: {cron: "0 0 6 * * ?"}
				""");
		write("json-bad.yaml", """
				id: json-bad
				funder: Funder
				kind: json-api
				url: https://api.example.org/search
				request: {method: GET, body: '{"page": ${page}}'}
				items: "data.hits[?(@.x ~~ 1)]"
				fields:
				  title: {from: title, json: "a..b"}
				  extra: {from: x, unknownOption: true}
				schedule: {cron: "0 0 6 * * ?"}
				""");
		write("xml-bad.yaml", """
				id: xml-bad
				funder: Funder
				kind: xml
				url: https://example.org/extract.zip
				items: Opportunity
				fields: {title: "Title/@", id: "Id[@type=x]"}
				limits: {maxBodyMegabytes: 0}
				schedule: {cron: "0 0 6 * * ?"}
				""");

		SourceCatalog catalog = new SourceCatalog(properties(this.dir), new Extractors());

		assertThat(catalog.all()).isEmpty();
		assertThat(catalog.problems()).extracting(p -> p.file() + "/" + p.field())
			.contains("html-bad.yaml/items", "html-bad.yaml/fields.title.from", "html-bad.yaml/fields.deadline.pattern",
					"html-bad.yaml/fields.fechaLimite", "html-bad.yaml/fields.amount.format",
					"html-bad.yaml/pagination.maxPages", "html-bad.yaml/detail.url", "html-bad.yaml/filter.keepIf",
					"json-bad.yaml/fields.extra.unknownOption", "xml-bad.yaml/fields.title.from",
					"xml-bad.yaml/fields.id.from", "xml-bad.yaml/limits.maxBodyMegabytes");
		assertThat(catalog.problems()).filteredOn(p -> p.file().equals("html-bad.yaml") && p.field().equals("items"))
			.first()
			.extracting(SourceProblem::message)
			.asString()
			.startsWith("selector CSS inválido");
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.dir.resolve(name), text, StandardCharsets.UTF_8);
	}

	static CrawlProperties properties(Path dir) {
		return new CrawlProperties(dir, "test", Duration.ofSeconds(2), Duration.ofSeconds(2), 1024L * 1024, true,
				Duration.ZERO, Duration.ofMillis(10), Duration.ZERO);
	}

}
