package pe.gob.munlima.convoca.alert;

import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The weekly digest's Quartz job. The period is taken from the time the trigger was due,
 * not the time it ran: a misfire fired at start-up, a recovery after a crash or a second
 * node all name the same week, and that week is sent once.
 */
@DisallowConcurrentExecution
class DigestJob extends QuartzJobBean {

	private final DigestService digests;

	DigestJob(DigestService digests) {
		this.digests = digests;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		Instant due = context.getScheduledFireTime() == null ? Instant.now()
				: context.getScheduledFireTime().toInstant();
		// The content window ends at the service clock's now (tests pin it); the period
		// is the week the trigger was due in, on that same clock when it is pinned.
		this.digests.runScheduled(due);
	}

}
