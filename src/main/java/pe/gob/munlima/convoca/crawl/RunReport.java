package pe.gob.munlima.convoca.crawl;

import java.time.Instant;
import java.util.List;

/**
 * A crawl run as the API shows it.
 *
 * @param status RUNNING, SUCCEEDED (the whole listing was read), PARTIAL (part of it: a
 * later page failed or the page cap was reached), UNCHANGED, FAILED (the listing could
 * not be read) or INTERRUPTED (the service stopped during the run)
 * @param callsClosed calls closed because a complete listing no longer has them
 * @param listingComplete whether the whole listing was read, so that calls missing from
 * it may be taken as closed
 * @param error the failure, or a summary of the problems
 * @param errors the problems of single pages and items, up to 200
 * @param tallies what was read and what stored, part by part (sources of kind iati:
 * activities, sectors, locations, transactions ...); empty for other kinds
 */
record RunReport(Long id, String sourceId, Instant startedAt, Instant finishedAt, String status, int pagesFetched,
		int itemsFound, int itemsFiltered, int callsNew, int callsUpdated, int callsUnchanged, int callsClosed,
		boolean listingComplete, String error, int errorCount, List<RunError> errors, List<RunTally> tallies) {

}
