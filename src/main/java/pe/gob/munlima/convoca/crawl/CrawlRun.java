package pe.gob.munlima.convoca.crawl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * One run of one source, kept so the office can see when a funder stops answering. It is
 * saved as the run goes (after every page), so a run that dies half-way shows what it had
 * done. A run whose process died is marked INTERRUPTED when the service starts again
 * ({@link InterruptedRuns}) or, at the latest, by the next run of its source.
 */
@Entity
@Table(name = "crawl_run")
class CrawlRun {

	static final String RUNNING = "RUNNING";

	static final String SUCCEEDED = "SUCCEEDED";

	static final String PARTIAL = "PARTIAL";

	static final String UNCHANGED = "UNCHANGED";

	static final String FAILED = "FAILED";

	static final String INTERRUPTED = "INTERRUPTED";

	static final String CRAWL = "CRAWL";

	/** A feed file imported in the background ({@link FeedImports}). */
	static final String IMPORT = "IMPORT";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "source_id")
	private String sourceId;

	@Column(name = "started_at")
	private Instant startedAt;

	@Column(name = "finished_at")
	private Instant finishedAt;

	private String status;

	@Column(name = "pages_fetched")
	private int pagesFetched;

	@Column(name = "items_found")
	private int itemsFound;

	@Column(name = "items_filtered")
	private int itemsFiltered;

	@Column(name = "calls_new")
	private int callsNew;

	@Column(name = "calls_updated")
	private int callsUpdated;

	@Column(name = "calls_unchanged")
	private int callsUnchanged;

	@Column(name = "calls_closed")
	private int callsClosed;

	@Column(name = "listing_complete")
	private boolean listingComplete;

	@Column(name = "error_count")
	private int errorCount;

	private String error;

	/** The process running it ({@link RunOwner}); null for runs recorded before. */
	private String owner;

	/** CRAWL, or IMPORT for a feed file imported in the background. */
	private String kind = CRAWL;

	/** Items of an import handled so far, stored or refused. */
	@Column(name = "items_processed")
	private int itemsProcessed;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "crawl_run_error", joinColumns = @JoinColumn(name = "run_id"))
	@OrderColumn(name = "position")
	private List<RunError> errors = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "crawl_run_tally", joinColumns = @JoinColumn(name = "run_id"))
	@OrderColumn(name = "position")
	private List<RunTally> tallies = new ArrayList<>();

	protected CrawlRun() {
	}

	CrawlRun(String sourceId, Instant startedAt) {
		this.sourceId = sourceId;
		this.startedAt = startedAt;
		this.status = RUNNING;
		this.owner = RunOwner.current().toString();
	}

	/** A background import of a file of {@code items} items. */
	static CrawlRun importing(String sourceId, int items, Instant startedAt) {
		CrawlRun run = new CrawlRun(sourceId, startedAt);
		run.kind = IMPORT;
		run.itemsFound = items;
		return run;
	}

	/** What an import has done so far: {@code processed} of its items handled. */
	void imported(int processed, Counts counts) {
		CrawlProgress none = new CrawlProgress();
		int items = this.itemsFound;
		progress(none, counts);
		this.itemsFound = items;
		this.itemsProcessed = processed;
	}

	/** What the crawl and the intake have done so far. */
	void progress(CrawlProgress progress, Counts counts) {
		this.pagesFetched = progress.pagesFetched();
		this.itemsFound = progress.itemsFound();
		this.itemsFiltered = progress.itemsFiltered();
		this.errorCount = progress.errorCount() + counts.errors().size();
		this.callsNew = counts.created();
		this.callsUpdated = counts.updated();
		this.callsUnchanged = counts.unchanged();
		this.callsClosed = counts.closed();
		List<RunError> all = new ArrayList<>(progress.errors());
		for (String message : counts.errors()) {
			if (all.size() < CrawlProgress.MAX_ERRORS) {
				all.add(new RunError("almacenamiento", message));
			}
		}
		this.errors = all;
	}

	/** What the run read and stored so far, part by part (sources of kind iati). */
	void tallies(List<RunTally> tallies) {
		this.tallies = new ArrayList<>(tallies);
	}

	/**
	 * The listing was read (wholly, or up to a page that failed) and its calls stored.
	 */
	void finished(boolean complete, Instant now) {
		this.listingComplete = complete;
		this.status = complete ? SUCCEEDED : PARTIAL;
		this.error = this.errorCount == 0 ? null
				: this.errorCount + " problema(s) en páginas o ítems; ver errors (lo demás se guardó)";
		this.finishedAt = now;
	}

	/** Nothing was downloaded or parsed: the server said 304, or sent the same bytes. */
	void unchanged(String why, Instant now) {
		this.status = UNCHANGED;
		this.error = "sin cambios desde la última ejecución (" + why + ")";
		this.finishedAt = now;
	}

	void failed(String message, Instant now) {
		this.error = message;
		this.status = FAILED;
		this.finishedAt = now;
	}

	/**
	 * A run left RUNNING by a crash or a restart. The pages explain the status in the
	 * reader's language (source.run.interrupted); nothing failed that a message could
	 * name.
	 */
	void interrupted(Instant now) {
		this.status = INTERRUPTED;
		this.error = null;
		this.finishedAt = now;
	}

	String owner() {
		return this.owner;
	}

	Long id() {
		return this.id;
	}

	boolean isImport() {
		return IMPORT.equals(this.kind);
	}

	boolean failedOrInterrupted() {
		return FAILED.equals(this.status) || INTERRUPTED.equals(this.status);
	}

	ImportJob importJob() {
		return new ImportJob(this.id, this.sourceId, this.status, this.itemsFound, this.itemsProcessed, this.callsNew,
				this.callsUpdated, this.callsUnchanged, this.callsClosed, this.errorCount, List.copyOf(this.errors),
				this.startedAt, this.finishedAt);
	}

	RunReport report() {
		return new RunReport(this.id, this.sourceId, this.startedAt, this.finishedAt, this.status, this.pagesFetched,
				this.itemsFound, this.itemsFiltered, this.callsNew, this.callsUpdated, this.callsUnchanged,
				this.callsClosed, this.listingComplete, this.error, this.errorCount, List.copyOf(this.errors),
				List.copyOf(this.tallies));
	}

	/**
	 * What the call intake did with the run's calls so far.
	 *
	 * @param closed calls the intake closed because the complete listing no longer has
	 * them
	 */
	record Counts(int created, int updated, int unchanged, int closed, List<String> errors) {

		static final Counts NONE = new Counts(0, 0, 0, 0, List.of());

		Counts plus(int created, int updated, int unchanged, int closed, List<String> errors) {
			List<String> all = new ArrayList<>(this.errors);
			all.addAll(errors);
			return new Counts(this.created + created, this.updated + updated, this.unchanged + unchanged,
					this.closed + closed, List.copyOf(all));
		}

	}

}
