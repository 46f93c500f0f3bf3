package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

import pe.gob.munlima.convoca.call.IntakeResult;
import pe.gob.munlima.convoca.call.SourceInfo;
import pe.gob.munlima.convoca.validation.KnownLanguage;
import pe.gob.munlima.convoca.validation.PlainText;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Sources, their runs, running one now, and importing a feed file. */
@RestController
class SourceController {

	private final SourceCatalog catalog;

	private final CrawlService crawler;

	private final FeedImports imports;

	SourceController(SourceCatalog catalog, CrawlService crawler, FeedImports imports) {
		this.catalog = catalog;
		this.crawler = crawler;
		this.imports = imports;
	}

	@GetMapping("/api/sources")
	Map<String, Object> sources() {
		List<SourceView> sources = this.catalog.all()
			.stream()
			.map(source -> new SourceView(source, this.crawler.status(source.id())))
			.toList();
		return Map.of("sources", sources, "problems", this.catalog.problems());
	}

	/** Fetches and extracts without saving: what a run would store. */
	@PostMapping("/api/admin/sources/{id}/test")
	SourceTestResult test(@PathVariable String id) {
		return this.crawler.test(id);
	}

	/** A definition with its current state. */
	record SourceView(String id, String funder, String kind, String url, String language,
			SourceDefinition.Schedule schedule, java.util.Set<String> hosts, String checked, SourceStatus status) {

		SourceView(SourceDefinition d, SourceStatus status) {
			this(d.id(), d.funder(), d.kind(), d.url(), d.language(), d.schedule(), d.hosts(), d.checked(), status);
		}

	}

	@GetMapping("/api/sources/{id}/runs")
	List<RunReport> runs(@PathVariable String id) {
		this.catalog.find(id).orElseThrow(() -> new CrawlService.UnknownSourceException(id));
		return this.crawler.runs(id);
	}

	@PostMapping("/api/admin/sources/{id}/run")
	RunReport run(@PathVariable String id) {
		return this.crawler.run(id);
	}

	/**
	 * Imports an RSS or Atom file the office received by e-mail. The calls are stored
	 * under the given source id (default "import") and funder. A request without the
	 * file, with an empty one, or with a malformed source id, funder or language is a 400
	 * problem naming what is wrong. A file of up to
	 * {@code convoca.crawl.import.async-threshold} items is stored at once (200 with what
	 * was stored); a larger one is imported in the background: 202, the job in the body
	 * and its address in Location, to follow with GET.
	 */
	@PostMapping("/api/admin/calls/import")
	@ApiResponses({
			@ApiResponse(responseCode = "200", description = "A small file: what was stored",
					content = @Content(schema = @Schema(implementation = IntakeResult.class))),
			@ApiResponse(responseCode = "202",
					description = "A file above convoca.crawl.import.async-threshold items: imported in the background; "
							+ "the job, its address in Location",
					content = @Content(schema = @Schema(implementation = ImportJob.class))),
			@ApiResponse(responseCode = "409", description = "The source is being crawled or imported"),
			@ApiResponse(responseCode = "503",
					description = "Too many imports waiting; Retry-After says when to ask again") })
	ResponseEntity<?> importFeed(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "import") @Size(max = 60) @Pattern(
					regexp = "[a-z0-9][a-z0-9-]*") String source,
			@RequestParam @NotBlank @Size(max = 300) @PlainText String funder,
			@RequestParam(required = false) @KnownLanguage String language) throws IOException {
		if (file.isEmpty()) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST),
					null, "crawl.import.emptyFile", null);
		}
		FeedImports.Started started = this.imports.importFeed(file.getBytes(), file.getOriginalFilename(),
				new SourceInfo(source, funder, language, CrawlService.LIMA));
		if (started.job() == null) {
			return ResponseEntity.ok(started.result());
		}
		return ResponseEntity.accepted()
			.location(URI.create("/api/admin/calls/import/" + started.job().id()))
			.body(started.job());
	}

	/** A background import: its state, items processed of the total, and errors. */
	@GetMapping("/api/admin/calls/import/{id}")
	ImportJob importJob(@PathVariable long id) {
		return this.imports.job(id)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "crawl.import.unknownJob",
					new Object[] { id }));
	}

	@ExceptionHandler(CrawlService.UnknownSourceException.class)
	ProblemDetail unknown(CrawlService.UnknownSourceException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(CrawlService.SourceBusyException.class)
	ProblemDetail busy(CrawlService.SourceBusyException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	/** A test whose listing cannot be fetched or read, or an unreadable imported file. */
	@ExceptionHandler({ FetchException.class, ExtractionException.class })
	ProblemDetail unreadable(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(422), ex.getMessage());
		problem.setTitle("No se pudo leer la fuente");
		return problem;
	}

}
