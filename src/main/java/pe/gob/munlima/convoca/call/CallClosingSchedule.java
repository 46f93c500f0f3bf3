package pe.gob.munlima.convoca.call;

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

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Schedules the closing sweep (convoca.calls.closing-cron, hourly by default, Lima time)
 * and runs it once at start-up, so calls whose deadline passed while the service was down
 * are closed before anyone reads them. A missed hour is not caught up: the next sweep
 * does the same work.
 */
@Component
@Order(10)
class CallClosingSchedule implements ApplicationRunner {

	static final JobKey JOB = JobKey.jobKey("close-calls", "calls");

	private final Scheduler scheduler;

	private final CallClosing closing;

	private final CallProperties properties;

	CallClosingSchedule(Scheduler scheduler, CallClosing closing, CallProperties properties) {
		this.scheduler = scheduler;
		this.closing = closing;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		this.closing.sweep();
		JobDetail job = JobBuilder.newJob(CallClosingJob.class)
			.withIdentity(JOB)
			.withDescription("Cierra las convocatorias vencidas")
			.storeDurably()
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(JOB.getName(), JOB.getGroup())
			.forJob(JOB)
			.withSchedule(CronScheduleBuilder.cronSchedule(this.properties.closingCron())
				.inTimeZone(TimeZone.getTimeZone("America/Lima"))
				.withMisfireHandlingInstructionDoNothing())
			.build();
		this.scheduler.scheduleJob(job, Set.of(trigger), true);
	}

}
