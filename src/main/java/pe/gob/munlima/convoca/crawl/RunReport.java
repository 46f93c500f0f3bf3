package pe.gob.munlima.convoca.crawl;

import java.time.Instant;

/** A crawl run as the API shows it. */
record RunReport(Long id, String sourceId, Instant startedAt, Instant finishedAt, String status, int itemsFound,
		int callsNew, int callsUpdated, String error) {

}
