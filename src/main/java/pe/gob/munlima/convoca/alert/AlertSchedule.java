package pe.gob.munlima.convoca.alert;

import java.util.Objects;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The alert jobs on Quartz's clustered JDBC store: the weekly digest, the saved-search
 * alerts and the deadline reminders. A missed firing (the service was down at Monday
 * 08:00) fires once as soon as the scheduler is back ("fire once now"), and the period
 * key makes that firing idempotent. A trigger whose cron did not change is left as it is
 * in the database: replacing it at every start would forget the firing it missed while
 * the service was down.
 */
@Component
class AlertSchedule implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);

	static final String GROUP = "alerts";

	static final TriggerKey DIGEST = TriggerKey.triggerKey("weekly-digest", GROUP);

	static final TriggerKey SAVED_SEARCHES = TriggerKey.triggerKey("saved-searches", GROUP);

	static final TriggerKey REMINDERS = TriggerKey.triggerKey("deadline-reminders", GROUP);

	private final Scheduler scheduler;

	private final AlertProperties properties;

	AlertSchedule(Scheduler scheduler, AlertProperties properties) {
		this.scheduler = scheduler;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		String zone = this.properties.digest().zone();
		schedule(DIGEST, DigestJob.class, this.properties.digest().cron(), zone);
		schedule(SAVED_SEARCHES, SavedSearchJob.class, this.properties.savedSearches().cron(), zone);
		schedule(REMINDERS, ReminderJob.class, this.properties.reminders().cron(), zone);
	}

	/**
	 * Gives {@code key} this cron, keeping the stored trigger (and the firing it may owe)
	 * when nothing changed.
	 */
	void schedule(TriggerKey key, Class<? extends Job> type, String cron, String zone) throws SchedulerException {
		JobKey jobKey = JobKey.jobKey(key.getName(), GROUP);
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(key)
			.forJob(jobKey)
			.withSchedule(CronScheduleBuilder.cronSchedule(cron)
				.inTimeZone(TimeZone.getTimeZone(zone))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
		Trigger existing = this.scheduler.getTrigger(key);
		if (existing instanceof CronTrigger stored && Objects.equals(stored.getCronExpression(), cron)
				&& Objects.equals(stored.getTimeZone().getID(), zone) && this.scheduler.checkExists(jobKey)) {
			return;
		}
		JobDetail job = JobBuilder.newJob(type)
			.withIdentity(jobKey)
			.storeDurably()
			// Re-run after a crash mid-run; the period key keeps the re-run from sending
			// twice.
			.requestRecovery()
			.build();
		// Job and trigger replaced together, in one job-store transaction.
		this.scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
		log.info("Alert job {} scheduled: {} ({})", key.getName(), cron, zone);
	}

}
