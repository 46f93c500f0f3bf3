package pe.gob.munlima.convoca.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.call.Calls;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the database: indexes each call after its transaction
 * commits, and at start-up rebuilds the index when it was missing or corrupt or holds a
 * different number of calls than the database (a crash between storing and indexing).
 */
@Component
@Order(0)
class CallIndexer implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CallIndexer.class);

	private static final int PAGE = 500;

	private final CallIndex index;

	private final Calls calls;

	CallIndexer(CallIndex index, Calls calls) {
		this.index = index;
		this.calls = calls;
	}

	@TransactionalEventListener
	void on(CallStored event) {
		try {
			this.calls.find(event.callId()).ifPresent(this.index::index);
		}
		catch (RuntimeException ex) {
			// The call is safe in the database; the next start-up check re-indexes it.
			log.error("Indexing of call {} failed", event.callId(), ex);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		long stored = this.calls.count();
		if (this.index.recreated() || this.index.documentCount() != stored) {
			long started = System.nanoTime();
			rebuild();
			log.info("Search index rebuilt from the database: {} calls in {} ms", stored,
					(System.nanoTime() - started) / 1_000_000);
		}
		this.index.markReady();
	}

	void rebuild() {
		this.index.deleteAll();
		this.calls.forEach(PAGE, this.index::add);
		this.index.commit();
	}

}
