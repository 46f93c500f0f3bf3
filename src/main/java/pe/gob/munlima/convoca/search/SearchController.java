package pe.gob.munlima.convoca.search;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Search and read calls. */
@RestController
@RequestMapping("/api/calls")
class SearchController {

	private final CallSearch search;

	private final Calls calls;

	SearchController(CallSearch search, Calls calls) {
		this.search = search;
		this.calls = calls;
	}

	@GetMapping
	CallSearch.SearchPage search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > CallSearch.MAX_SIZE) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"page debe ser >= 0 y size entre 1 y " + CallSearch.MAX_SIZE);
		}
		return this.search.search(q, page, size);
	}

	@GetMapping("/{id}")
	CallView call(@PathVariable long id) {
		return this.calls.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la convocatoria " + id));
	}

	@ExceptionHandler(CallSearch.InvalidQueryException.class)
	ProblemDetail invalidQuery(CallSearch.InvalidQueryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Búsqueda no válida");
		return problem;
	}

}
