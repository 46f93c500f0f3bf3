package pe.gob.munlima.convoca.alert;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Records the deadline reminders due today (once a day; a missed day runs at start-up).
 */
@DisallowConcurrentExecution
class ReminderJob extends QuartzJobBean {

	private final DeadlineReminders reminders;

	ReminderJob(DeadlineReminders reminders) {
		this.reminders = reminders;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.reminders.run();
	}

}
