package pe.gob.munlima.convoca.call;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/** The hourly closing sweep as a Quartz job: clustered, so it runs once across nodes. */
@DisallowConcurrentExecution
class CallClosingJob extends QuartzJobBean {

	private final CallClosing closing;

	CallClosingJob(CallClosing closing) {
		this.closing = closing;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.closing.sweep();
	}

}
