package pe.gob.munlima.convoca.crawl;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallIntake;
import pe.gob.munlima.convoca.call.IntakeResult;
import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.SourceInfo;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Imports a feed file: a small one at once, in the request (as always); one with more
 * items than {@code convoca.crawl.import.async-threshold} in the background, as a run of
 * its source of kind IMPORT that records its progress after every batch — an import of
 * thousands of items takes minutes (each call is normalised, stored, indexed and judged),
 * far longer than a request should. Every item is stored in its own transaction, so an
 * item that fails loses nothing stored before or after it; a job whose process dies is
 * marked INTERRUPTED at the next start like any run ({@link InterruptedRuns}).
 * <p>
 * One background import at a time, a few waiting; while it runs its source counts as
 * busy, so a crawl of the same source (which marks that source's RUNNING runs as
 * interrupted) cannot start beside it.
 */
@Service
class FeedImports implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FeedImports.class);

	/**
	 * A queued import waits minutes behind the one running: ask again after this long.
	 */
	static final String RETRY_AFTER_SECONDS = "60";

	private final CrawlService crawler;

	private final CallIntake intake;

	private final CrawlRuns runs;

	private final Clock clock;

	private final ImportProperties properties;

	private final ThreadPoolExecutor background;

	FeedImports(CrawlService crawler, CallIntake intake, CrawlRuns runs, Clock clock, ImportProperties properties) {
		this.crawler = crawler;
		this.intake = intake;
		this.runs = runs;
		this.clock = clock;
		this.properties = properties;
		this.background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(Math.max(1, properties.maxQueued())), runnable -> {
					Thread thread = new Thread(runnable, "feed-import");
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Reads the file and stores its calls now, or starts a background job for a large
	 * one.
	 * @throws ExtractionException the file is not a feed (nothing is stored)
	 * @throws CrawlService.SourceBusyException the source is being crawled or imported
	 */
	Started importFeed(byte[] body, String fileName, SourceInfo source) {
		List<RawCall> items = this.crawler.readFeed(body, fileName);
		if (items.size() <= this.properties.asyncThreshold()) {
			return new Started(this.intake.ingest(source, items), null);
		}
		if (!this.crawler.claim(source.sourceId())) {
			throw new CrawlService.SourceBusyException(source.sourceId());
		}
		CrawlRun run;
		try {
			run = this.runs.save(CrawlRun.importing(source.sourceId(), items.size(), this.clock.instant()));
		}
		catch (RuntimeException ex) {
			this.crawler.release(source.sourceId());
			throw ex;
		}
		// Item errors are written in the language of whoever asked for the import.
		Locale locale = LocaleContextHolder.getLocale();
		// Read before the job starts changing the run on its own thread.
		ImportJob accepted = run.importJob();
		try {
			this.background.execute(() -> runJob(run, source, items, locale));
		}
		catch (RejectedExecutionException ex) {
			this.crawler.release(source.sourceId());
			run.failed("no se inició: hay demasiadas importaciones en espera", this.clock.instant());
			this.runs.save(run);
			ErrorResponseException busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
					ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE), ex, "crawl.import.queueFull",
					new Object[] { this.properties.maxQueued() });
			busy.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			throw busy;
		}
		log.info("Import of {} items into source {} runs in the background as job {}", items.size(), source.sourceId(),
				run.id());
		return new Started(null, accepted);
	}

	private void runJob(CrawlRun run, SourceInfo source, List<RawCall> items, Locale locale) {
		LocaleContextHolder.setLocale(locale);
		CrawlRun.Counts counts = CrawlRun.Counts.NONE;
		int processed = 0;
		try {
			int batch = this.properties.batchSize();
			for (int from = 0; from < items.size(); from += batch) {
				List<RawCall> part = items.subList(from, Math.min(items.size(), from + batch));
				IntakeResult result = this.intake.ingest(source, part);
				counts = counts.plus(result.created(), result.updated(), result.unchanged(), result.closed(),
						result.errors());
				processed += part.size();
				// Saved after every batch: the job's page shows it, and an import cut
				// short
				// says how far it got.
				run.imported(processed, counts);
				this.runs.save(run);
			}
			run.finished(true, this.clock.instant());
			log.info("Import job {} of source {}: {} items, {} new, {} updated, {} errors", run.id(), source.sourceId(),
					items.size(), counts.created(), counts.updated(), counts.errors().size());
		}
		catch (RuntimeException | VirtualMachineError ex) {
			log.error("Import job {} of source {} failed after {} of {} items", run.id(), source.sourceId(), processed,
					items.size(), ex);
			run.imported(processed, counts);
			run.failed("error inesperado al importar (" + ex.getClass().getSimpleName()
					+ "); lo ya guardado se conserva; ver el registro del servicio", this.clock.instant());
			if (ex instanceof VirtualMachineError error) {
				save(run);
				throw error;
			}
		}
		finally {
			save(run);
			this.crawler.release(source.sourceId());
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private void save(CrawlRun run) {
		try {
			this.runs.save(run);
		}
		catch (RuntimeException ex) {
			// The database is gone: the run stays RUNNING until the next start marks it
			// INTERRUPTED.
			log.error("Import job {} could not record its end", run.id(), ex);
		}
	}

	/** An import job, or empty when there is no import with that id. */
	Optional<ImportJob> job(long id) {
		return this.runs.findById(id).filter(CrawlRun::isImport).map(CrawlRun::importJob);
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

	/**
	 * What an import request started: the result of a small import, or the job of a large
	 * one.
	 */
	record Started(IntakeResult result, ImportJob job) {
	}

}
