package pe.gob.munlima.convoca.crawl;

import java.util.List;
import java.util.Map;

import pe.gob.munlima.convoca.call.CallPreview;

/**
 * What a run of a source would store, without storing it: the pages it read, the problems
 * it met, and the first calls as extracted (raw) and as they would be normalised.
 *
 * @param shown how many calls follow (at most {@value #SHOWN}); {@code itemsFound} counts
 * them all
 */
record SourceTestResult(String sourceId, String kind, int pagesFetched, int itemsFound, int itemsFiltered,
		boolean listingComplete, int shown, List<RunError> errors, List<TestedCall> calls) {

	static final int SHOWN = 50;

	/**
	 * @param raw the structured fields as the source wrote them
	 * @param stored what the call would become
	 */
	record TestedCall(String externalId, String link, Map<String, List<String>> raw, CallPreview stored) {
	}

}
