package pe.gob.munlima.convoca.search;

import java.nio.charset.StandardCharsets;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Search, export and read calls. */
@RestController
@RequestMapping("/api/calls")
class SearchController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final CallSearch search;

	private final Calls calls;

	private final org.springframework.context.MessageSource messages;

	SearchController(CallSearch search, Calls calls, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.search = search;
		this.calls = calls;
	}

	/**
	 * The full search: text, facet filters, deadline and amount ranges, sort, paging;
	 * JSON with hits, total and facet counts, or with {@code format=csv} every matching
	 * call as a CSV file.
	 */
	@GetMapping("/search")
	ResponseEntity<?> search(@RequestParam MultiValueMap<String, String> params) {
		SearchRequest request = SearchRequest.from(params);
		String format = params.getFirst("format");
		if (format == null || format.isBlank() || "json".equalsIgnoreCase(format)) {
			return ResponseEntity.ok(this.search.search(request));
		}
		if (!"csv".equalsIgnoreCase(format)) {
			throw new SearchRequest.InvalidSearchException("format debe ser json o csv, no \"" + format + "\".");
		}
		byte[] body = CsvExport.write(this.search.all(request)).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("convocatorias.csv").build().toString())
			.body(body);
	}

	/** The first search of the skeleton: text and paging only, same answer. */
	@GetMapping
	SearchResult simple(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > SearchRequest.MAX_SIZE
				|| (long) (page + 1) * size > SearchRequest.MAX_WINDOW) {
			throw new SearchRequest.InvalidSearchException("page debe ser >= 0 y size entre 1 y "
					+ SearchRequest.MAX_SIZE + " (hasta " + SearchRequest.MAX_WINDOW + " resultados).");
		}
		return this.search.search(SearchRequest.of(q, page, size));
	}

	@GetMapping("/{id}")
	CallView call(@PathVariable long id) {
		return this.calls.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la convocatoria " + id));
	}

	@ExceptionHandler(SearchRequest.InvalidSearchException.class)
	ProblemDetail invalidSearch(SearchRequest.InvalidSearchException ex, java.util.Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.message(this.messages, locale));
		problem.setTitle("Búsqueda no válida");
		return problem;
	}

}
