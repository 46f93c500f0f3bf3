package pe.gob.munlima.convoca.crawl;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run has done so far: pages fetched, items found and filtered out, the errors of
 * single pages and items (which do not fail the run), and whether the whole listing was
 * read. The crawl updates it as it goes, so the run record tells the truth even when the
 * run dies half-way.
 */
final class CrawlProgress {

	/** Errors kept per run: enough to diagnose, not enough to flood the table. */
	static final int MAX_ERRORS = 200;

	private final List<RunError> errors = new ArrayList<>();

	private int pagesFetched;

	private int itemsFound;

	private int detailsUnchanged;

	private int itemsFiltered;

	private int errorCount;

	private boolean complete = true;

	private String unchangedBy;

	synchronized void pageFetched() {
		this.pagesFetched++;
	}

	/** A detail page answered 304 or hashed the same: its last reading was reused. */
	synchronized void detailUnchanged() {
		this.detailsUnchanged++;
	}

	synchronized int detailsUnchanged() {
		return this.detailsUnchanged;
	}

	synchronized void itemFound() {
		this.itemsFound++;
	}

	/** Items read from a page at once (the activities of an IATI file). */
	synchronized void itemsFound(int items) {
		this.itemsFound += items;
	}

	synchronized void itemFiltered() {
		this.itemsFiltered++;
	}

	synchronized void error(String where, String message) {
		this.errorCount++;
		if (this.errors.size() < MAX_ERRORS) {
			this.errors.add(new RunError(where, message));
		}
	}

	/** The listing was not read to its end: calls missing from it may still exist. */
	synchronized void incomplete() {
		this.complete = false;
	}

	synchronized void unchanged(String why) {
		this.unchangedBy = why;
	}

	synchronized int pagesFetched() {
		return this.pagesFetched;
	}

	synchronized int itemsFound() {
		return this.itemsFound;
	}

	synchronized int itemsFiltered() {
		return this.itemsFiltered;
	}

	synchronized int errorCount() {
		return this.errorCount;
	}

	synchronized List<RunError> errors() {
		return List.copyOf(this.errors);
	}

	synchronized boolean complete() {
		return this.complete && this.unchangedBy == null;
	}

	synchronized String unchangedBy() {
		return this.unchangedBy;
	}

}
