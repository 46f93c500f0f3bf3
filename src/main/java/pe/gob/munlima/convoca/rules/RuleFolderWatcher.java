package pe.gob.munlima.convoca.rules;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks the rules folder every few seconds and activates an edited set when it passes.
 * Polling (rather than a WatchService) also sees edits on network and container mounts.
 */
@Component
class RuleFolderWatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

	private final RuleAdmin admin;

	private final RuleProperties properties;

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "rules-folder-watcher"));

	RuleFolderWatcher(RuleAdmin admin, RuleProperties properties) {
		this.admin = admin;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long millis = this.properties.watchInterval().toMillis();
		if (millis <= 0) {
			return;
		}
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				this.admin.checkFolder();
			}
			catch (RuntimeException ex) {
				log.warn("Rules folder check failed: {}", ex.toString());
			}
		}, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
