package pe.gob.munlima.convoca.crawl;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.call.CallIntake;
import pe.gob.munlima.convoca.iati.IatiImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

/**
 * However a run ends — a page that cannot be read, a bug, an exhausted heap — its record
 * ends too, with the reason: never RUNNING until the next run (issue 14: an XML zip bomb
 * left a run RUNNING forever).
 */
class CrawlServiceTests {

	private final SourceCatalog catalog = mock(SourceCatalog.class);

	private final SourceCrawler crawler = mock(SourceCrawler.class);

	private final CrawlRuns runs = mock(CrawlRuns.class);

	/** Every state a run was saved in, in order. */
	private final List<RunReport> saved = new ArrayList<>();

	private CrawlService service;

	@BeforeEach
	void setUp() {
		SourceDefinition source = new SourceDefinition("fuente", "F", "xml", "https://example.org/x.zip", null, null,
				null, null, null, null, null, "Opportunity", null, null, null, null);
		given(this.catalog.find("fuente")).willReturn(Optional.of(source));
		given(this.runs.save(any(CrawlRun.class))).willAnswer(invocation -> {
			CrawlRun run = invocation.getArgument(0);
			this.saved.add(run.report());
			return run;
		});
		this.service = new CrawlService(this.catalog, this.crawler, mock(CallIntake.class), this.runs,
				Clock.fixed(Instant.parse("2026-11-24T15:00:00Z"), ZoneOffset.UTC), new Extractors(),
				mock(IatiImport.class));
	}

	@Test
	void aPageThatCannotBeReadFailsTheRunWithItsReason() {
		willThrow(new ExtractionException(
				"https://example.org/x.zip: un registro <Opportunity> tiene más de " + "10000 elementos; se rechaza"))
			.given(this.crawler)
			.crawl(any(), anyBoolean(), any(), any());

		RunReport report = this.service.run("fuente");

		assertThat(report.status()).isEqualTo(CrawlRun.FAILED);
		assertThat(report.error()).contains("tiene más de 10000 elementos");
		assertThat(report.finishedAt()).isNotNull();
	}

	@Test
	void anUnexpectedErrorFailsTheRunInsteadOfLeavingItRunning() {
		willThrow(new IllegalStateException("bug")).given(this.crawler).crawl(any(), anyBoolean(), any(), any());

		RunReport report = this.service.run("fuente");

		assertThat(report.status()).isEqualTo(CrawlRun.FAILED);
		assertThat(report.error()).contains("error inesperado al leer la fuente (IllegalStateException)");
	}

	@Test
	void anExhaustedHeapStillEndsTheRunAndIsNotSwallowed() {
		willThrow(new OutOfMemoryError("Java heap space")).given(this.crawler).crawl(any(), eq(true), any(), any());

		assertThatThrownBy(() -> this.service.run("fuente")).isInstanceOf(OutOfMemoryError.class);

		RunReport last = this.saved.get(this.saved.size() - 1);
		assertThat(last.status()).isEqualTo(CrawlRun.FAILED);
		assertThat(last.error()).contains("OutOfMemoryError");
		assertThat(last.finishedAt()).isNotNull();
	}

}
