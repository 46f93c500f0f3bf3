package pe.gob.munlima.convoca.crawl;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job of one source; the source id comes from the job's data map. Never two
 * runs of the same source at once.
 */
@DisallowConcurrentExecution
class CrawlJob extends QuartzJobBean {

	static final String SOURCE_ID = "sourceId";

	private final CrawlService crawler;

	private String sourceId;

	CrawlJob(CrawlService crawler) {
		this.crawler = crawler;
	}

	/** Invoked by Quartz with the job data map entry of that name. */
	public void setSourceId(String sourceId) {
		this.sourceId = sourceId;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.crawler.run(this.sourceId);
	}

}
