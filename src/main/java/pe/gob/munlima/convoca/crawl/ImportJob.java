package pe.gob.munlima.convoca.crawl;

import java.time.Instant;
import java.util.List;

/**
 * A feed import running in the background, as {@code GET /api/admin/calls/import/{id}}
 * shows it.
 *
 * @param state RUNNING, SUCCEEDED (every item handled; refused ones are in
 * {@code errors}), FAILED (stopped by an unexpected error: what was stored before it
 * stays) or INTERRUPTED (the service stopped during the import; what was stored stays)
 * @param total items in the file
 * @param processed items handled so far: stored, unchanged or refused
 * @param errors items that were not stored, with the reason (up to 200)
 */
record ImportJob(Long id, String sourceId, String state, int total, int processed, int created, int updated,
		int unchanged, int closed, int errorCount, List<RunError> errors, Instant startedAt, Instant finishedAt) {

}
