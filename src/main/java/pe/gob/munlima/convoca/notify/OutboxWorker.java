package pe.gob.munlima.convoca.notify;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sending of every node, on one thread: sends what the outbox holds. It runs every
 * {@code dispatch.interval} and at once when asked ({@link #nudge()}): after a
 * transaction that recorded messages commits. Every node runs it: the outbox's row claims
 * make that safe.
 */
@Component
class OutboxWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private final MailDispatcher dispatcher;

	private final NotifyProperties properties;

	private volatile ScheduledExecutorService executor;

	OutboxWorker(MailDispatcher dispatcher, NotifyProperties properties) {
		this.dispatcher = dispatcher;
		this.properties = properties;
	}

	@Override
	public void start() {
		if (!this.properties.dispatch().enabled()) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "notify-worker");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.dispatch().interval().toMillis();
		started.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	/**
	 * Works as soon as possible: after the current transaction commits, if there is one
	 * (what it just recorded is not visible before). Once per transaction, however many
	 * messages it recorded: a digest to forty people wakes the worker once.
	 */
	void nudge() {
		ScheduledExecutorService current = this.executor;
		if (current == null) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			if (TransactionSynchronizationManager.hasResource(this)) {
				return;
			}
			TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					current.execute(OutboxWorker.this::runOnce);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(OutboxWorker.this);
				}
			});
		}
		else {
			current.execute(this::runOnce);
		}
	}

	void runOnce() {
		try {
			this.dispatcher.dispatch();
		}
		catch (RuntimeException ex) {
			// The next round tries again; nothing is lost, everything is in the outbox.
			log.warn("Sending failed this round: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current != null) {
			current.shutdown();
			try {
				// Let a send in progress finish, so it is marked sent.
				if (!current.awaitTermination(30, TimeUnit.SECONDS)) {
					current.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
