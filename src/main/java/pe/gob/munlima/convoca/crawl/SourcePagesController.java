package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.util.List;

import pe.gob.munlima.convoca.call.IntakeResult;
import pe.gob.munlima.convoca.call.SourceInfo;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administración › Fuentes: every source with its state, a source's runs, running it now
 * (in the background, its progress followed on the page), testing it (what a run would
 * store, nothing stored) and importing a feed file received by e-mail. SUBGERENCIA and
 * ADMIN (SecurityConfiguration).
 */
@Controller
class SourcePagesController {

	private final SourceCatalog catalog;

	private final CrawlService crawler;

	private final SourceRunner runner;

	private final FeedImports imports;

	SourcePagesController(SourceCatalog catalog, CrawlService crawler, SourceRunner runner, FeedImports imports) {
		this.catalog = catalog;
		this.crawler = crawler;
		this.runner = runner;
		this.imports = imports;
	}

	@GetMapping("/admin/fuentes")
	String sources(Model model) {
		model.addAttribute("sources",
				this.catalog.all()
					.stream()
					.sorted((a, b) -> a.id().compareTo(b.id()))
					.map(source -> new SourceRow(source, this.crawler.status(source.id())))
					.toList());
		model.addAttribute("problems", this.catalog.problems());
		return "admin/sources";
	}

	@GetMapping("/admin/fuentes/{id}")
	String source(@PathVariable String id, Model model) {
		return page(definition(id), null, null, model);
	}

	@PostMapping("/admin/fuentes/{id}/ejecutar")
	String run(@PathVariable String id, RedirectAttributes redirect) {
		definition(id);
		redirect.addFlashAttribute("started", this.runner.start(id) ? "started" : "alreadyRunning");
		return "redirect:/admin/fuentes/" + id;
	}

	/** Polled every second by the page while the source runs. */
	@GetMapping(path = "/admin/fuentes/{id}/progreso", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	RunProgress progress(@PathVariable String id) {
		definition(id);
		List<RunReport> runs = this.crawler.runs(id);
		RunReport last = runs.isEmpty() ? null : runs.get(0);
		boolean running = this.runner.isRunning(id) || (last != null && "RUNNING".equals(last.status()));
		return RunProgress.of(running ? "RUNNING" : "DONE", last);
	}

	/** Fetches and reads the source as a run would, and shows what would be stored. */
	@PostMapping("/admin/fuentes/{id}/probar")
	String test(@PathVariable String id, Model model) {
		SourceDefinition source = definition(id);
		try {
			return page(source, this.crawler.test(id), null, model);
		}
		catch (FetchException | ExtractionException ex) {
			return page(source, null, ex.getMessage(), model);
		}
	}

	@PostMapping("/admin/fuentes/importar")
	String importFeed(@RequestParam("file") MultipartFile file, @RequestParam String funder,
			@RequestParam(defaultValue = "import") String source, RedirectAttributes redirect) throws IOException {
		// The API's bounds (SourceController): a funder with control characters or of
		// novel length is refused like a missing one.
		if (file.isEmpty() || funder.isBlank() || funder.length() > 300
				|| !pe.gob.munlima.convoca.validation.PlainText.Validator.isPlain(funder, false)
				|| !source.isBlank() && !source.strip().matches("[a-z0-9][a-z0-9-]{0,59}")) {
			redirect.addFlashAttribute("importError", "missing");
			return "redirect:/admin/fuentes";
		}
		try {
			FeedImports.Started started = this.imports.importFeed(file.getBytes(), file.getOriginalFilename(),
					new SourceInfo(source.isBlank() ? "import" : source.strip(), funder.strip(), null,
							CrawlService.LIMA));
			if (started.job() == null) {
				redirect.addFlashAttribute("imported", started.result());
			}
			else {
				redirect.addFlashAttribute("importStarted", started.job());
			}
		}
		catch (FetchException | ExtractionException | CrawlService.SourceBusyException ex) {
			redirect.addFlashAttribute("importError", ex.getMessage());
		}
		return "redirect:/admin/fuentes";
	}

	private String page(SourceDefinition source, SourceTestResult test, String testError, Model model) {
		model.addAttribute("source", source);
		model.addAttribute("hosts", String.join(", ", source.hosts()));
		model.addAttribute("status", this.crawler.status(source.id()));
		model.addAttribute("runs", this.crawler.runs(source.id()));
		model.addAttribute("running", this.runner.isRunning(source.id()));
		model.addAttribute("test", test);
		model.addAttribute("testError", testError);
		return "admin/source";
	}

	private SourceDefinition definition(String id) {
		return this.catalog.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la fuente " + id));
	}

	record SourceRow(SourceDefinition source, SourceStatus status) {
	}

	/**
	 * What the page's script shows while a run goes on: the counts of the latest run so
	 * far.
	 *
	 * @param state RUNNING while the run goes on, then DONE
	 */
	record RunProgress(String state, int pagesFetched, int itemsFound, int callsNew, int callsUpdated, int callsClosed,
			int errorCount) {

		static RunProgress of(String state, RunReport last) {
			return last == null ? new RunProgress(state, 0, 0, 0, 0, 0, 0) : new RunProgress(state, last.pagesFetched(),
					last.itemsFound(), last.callsNew(), last.callsUpdated(), last.callsClosed(), last.errorCount());
		}

	}

}
