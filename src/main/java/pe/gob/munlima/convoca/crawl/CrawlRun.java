package pe.gob.munlima.convoca.crawl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One run of one source, kept so the office can see when a funder stops answering. */
@Entity
@Table(name = "crawl_run")
class CrawlRun {

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

	@Column(name = "items_found")
	private int itemsFound;

	@Column(name = "calls_new")
	private int callsNew;

	@Column(name = "calls_updated")
	private int callsUpdated;

	private String error;

	protected CrawlRun() {
	}

	CrawlRun(String sourceId, Instant startedAt) {
		this.sourceId = sourceId;
		this.startedAt = startedAt;
		this.status = "RUNNING";
	}

	void succeeded(int found, int created, int updated, String errors, Instant now) {
		this.itemsFound = found;
		this.callsNew = created;
		this.callsUpdated = updated;
		this.error = errors;
		this.status = "SUCCEEDED";
		this.finishedAt = now;
	}

	/** Nothing was downloaded or parsed: the server said 304, or sent the same bytes. */
	void unchanged(String why, Instant now) {
		this.status = "UNCHANGED";
		this.error = "sin cambios desde la última ejecución (" + why + ")";
		this.finishedAt = now;
	}

	void failed(String message, Instant now) {
		this.error = message;
		this.status = "FAILED";
		this.finishedAt = now;
	}

	RunReport report() {
		return new RunReport(this.id, this.sourceId, this.startedAt, this.finishedAt, this.status, this.itemsFound,
				this.callsNew, this.callsUpdated, this.error);
	}

}
