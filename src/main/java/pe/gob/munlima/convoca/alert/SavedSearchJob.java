package pe.gob.munlima.convoca.alert;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Sends the saved-search alerts that are due (daily ones every day, weekly ones weekly).
 */
@DisallowConcurrentExecution
class SavedSearchJob extends QuartzJobBean {

	private final SavedSearchAlerts alerts;

	SavedSearchJob(SavedSearchAlerts alerts) {
		this.alerts = alerts;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.alerts.run();
	}

}
