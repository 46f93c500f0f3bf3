package pe.gob.munlima.convoca.search;

import pe.gob.munlima.convoca.changes.Change;
import pe.gob.munlima.convoca.changes.ChangeLog;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The index for administrators: its state, a rebuild from the database, the thesaurus.
 */
@RestController
@RequestMapping("/api/admin/index")
class IndexAdminController {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IndexAdminController.class);

	/** A rebuild of a few thousand calls takes seconds; ask again after this long. */
	private static final String RETRY_AFTER_SECONDS = "30";

	private final CallIndex index;

	private final CallIndexer indexer;

	private final ThesaurusStore thesaurus;

	private final ChangeLog changes;

	IndexAdminController(CallIndex index, CallIndexer indexer, ThesaurusStore thesaurus, ChangeLog changes) {
		this.index = index;
		this.indexer = indexer;
		this.thesaurus = thesaurus;
		this.changes = changes;
	}

	@GetMapping
	IndexStatus status() {
		return IndexStatus.of(this.index, this.indexer, this.thesaurus);
	}

	/**
	 * Rebuilds from the database into a new folder, in the background; searches keep
	 * answering from the current index until the new one is swapped in. 202 with the
	 * progress to poll; a problem+json 409 (with the running rebuild's progress) when one
	 * is already running, or 503 with Retry-After when it cannot start (the database does
	 * not answer) — never a 500.
	 */
	@PostMapping("/rebuild")
	ResponseEntity<IndexStatus> rebuild() {
		boolean started;
		try {
			started = this.indexer.requestRebuild();
		}
		catch (RuntimeException ex) {
			log.error("Index rebuild requested but it could not start", ex);
			ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
					ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE), ex, "index.rebuild.unavailable", null);
			unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			unavailable.getBody().setProperty("rebuild", this.indexer.status());
			throw unavailable;
		}
		if (!started) {
			CallIndexer.RebuildStatus running = this.indexer.status();
			ErrorResponseException busy = new ErrorResponseException(HttpStatus.CONFLICT,
					ProblemDetail.forStatus(HttpStatus.CONFLICT), null, "index.rebuild.busy",
					new Object[] { running.done(), running.total() });
			busy.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			busy.getBody().setProperty("rebuild", running);
			throw busy;
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(status());
	}

	/**
	 * Re-reads reading/vocabulary.yaml (themes) and index/thesaurus.yaml, here and —
	 * through the change log — on every other node (each reads its own copy of the
	 * files).
	 */
	@PostMapping("/thesaurus/reload")
	ThesaurusStore.Status reloadThesaurus() {
		ThesaurusStore.Status status = this.thesaurus.reload();
		this.changes.append(Change.Kind.THESAURUS, null);
		return status;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail thesaurusRefused(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				ex.getMessage() + " — el tesauro anterior sigue en uso.");
		problem.setTitle("Tesauro no válido");
		return problem;
	}

	/**
	 * @param ready checked against the database at start-up
	 * @param generation folder of the live index
	 * @param rebuild the last or running rebuild, with done / total
	 * @param exchangeRatesDate date of the rates amounts are bucketed with
	 */
	record IndexStatus(boolean ready, String generation, String schemaVersion, int documents, long sizeBytes,
			String dataDir, CallIndexer.RebuildStatus rebuild, ThesaurusStore.Status thesaurus,
			String exchangeRatesDate) {

		static IndexStatus of(CallIndex index, CallIndexer indexer, ThesaurusStore thesaurus) {
			return new IndexStatus(index.isReady(), index.generation(), CallFields.SCHEMA_VERSION,
					index.documentCount(), index.sizeInBytes(), index.path().toString(), indexer.status(),
					thesaurus.status(), index.rates().date().toString());
		}

	}

}
