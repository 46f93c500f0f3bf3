package pe.gob.munlima.convoca.crawl;

import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives every valid source a Quartz job with a cron trigger from its definition, and
 * removes the jobs of sources that no longer exist. A missed crawl is not caught up (the
 * next one fetches the same feed), hence "do nothing" on misfire.
 */
@Component
@Order(30)
class CrawlScheduler implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CrawlScheduler.class);

	static final String GROUP = "crawl";

	private final Scheduler scheduler;

	private final SourceCatalog catalog;

	CrawlScheduler(Scheduler scheduler, SourceCatalog catalog) {
		this.scheduler = scheduler;
		this.catalog = catalog;
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		synchronise();
	}

	synchronized void synchronise() throws SchedulerException {
		Set<JobKey> wanted = new HashSet<>();
		for (SourceDefinition source : this.catalog.all()) {
			JobKey key = JobKey.jobKey(source.id(), GROUP);
			wanted.add(key);
			JobDetail job = JobBuilder.newJob(CrawlJob.class)
				.withIdentity(key)
				.withDescription(source.funder())
				.usingJobData(CrawlJob.SOURCE_ID, source.id())
				.storeDurably()
				.build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.withIdentity(source.id(), GROUP)
				.forJob(key)
				.withSchedule(CronScheduleBuilder.cronSchedule(source.schedule().cron())
					.inTimeZone(TimeZone.getTimeZone(CrawlService.info(source).zone()))
					.withMisfireHandlingInstructionDoNothing())
				.build();
			this.scheduler.scheduleJob(job, Set.of(trigger), true);
		}
		for (JobKey existing : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
			if (!wanted.contains(existing)) {
				this.scheduler.deleteJob(existing);
			}
		}
		log.info("{} crawl jobs scheduled", wanted.size());
	}

}
