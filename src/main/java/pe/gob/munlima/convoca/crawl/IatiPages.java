package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import pe.gob.munlima.convoca.iati.IatiFormatException;
import pe.gob.munlima.convoca.iati.IatiImport;
import pe.gob.munlima.convoca.iati.IatiReport;

/**
 * The pages of a source of kind iati, handed to the iati module: each body is imported
 * (or, when testing a definition, only read) as it is fetched, and what was read and
 * stored so far is reported after every page, so the run's record tells the truth even
 * when a later page breaks. A file the iati module cannot read is an
 * {@link ExtractionException} with its message: the run fails (first page) or ends
 * partial (a later page), and what was stored stays stored.
 */
final class IatiPages implements BodyReader {

	private final IatiImport iati;

	private final String sourceId;

	private final Consumer<IatiReport> progress;

	private IatiReport report;

	/**
	 * @param iati the import, or null to read without storing (a test of the definition)
	 * @param progress told the whole report so far after every page, failed ones included
	 */
	IatiPages(IatiImport iati, String sourceId, Consumer<IatiReport> progress) {
		this.iati = iati;
		this.sourceId = sourceId;
		this.progress = progress;
	}

	@Override
	public PageRead read(Body body, URI uri) {
		IatiReport page;
		try (InputStream in = body.open()) {
			page = this.iati == null ? IatiImport.read(in, uri.toString())
					: this.iati.importActivities(this.sourceId, in, uri.toString());
		}
		catch (IatiFormatException ex) {
			if (ex.report() != null) {
				add(ex.report());
			}
			throw new ExtractionException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new ExtractionException(uri + ": " + ex.getMessage(), ex);
		}
		add(page);
		return new PageRead(page.read(IatiReport.ACTIVITIES), page.total());
	}

	private void add(IatiReport page) {
		this.report = this.report == null ? page : this.report.plus(page);
		this.progress.accept(this.report);
	}

	/** What the call counts of a run mean for activities: new, updated, unchanged. */
	static CrawlRun.Counts counts(IatiReport report) {
		return new CrawlRun.Counts(report.created(), report.updated(), report.unchanged(), 0, report.problems());
	}

	static List<RunTally> tallies(IatiReport report) {
		return report.counts().stream().map(count -> new RunTally(count.part(), count.read(), count.stored())).toList();
	}

}
