package pe.gob.munlima.convoca.programme;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.Calls;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Groups, at start-up, the calls stored before this module existed or whose grouping
 * failed: every call is a round of some programme, even one of its own.
 */
@Component
class ProgrammeBackfill {

	private static final Logger log = LoggerFactory.getLogger(ProgrammeBackfill.class);

	private static final int PAGE = 200;

	private final Calls calls;

	private final Programmes programmes;

	ProgrammeBackfill(Calls calls, Programmes programmes) {
		this.calls = calls;
		this.programmes = programmes;
	}

	@EventListener(ApplicationReadyEvent.class)
	void groupMissing() {
		AtomicInteger grouped = new AtomicInteger();
		java.util.Set<Long> known = this.programmes.grouped();
		this.calls.forEach(PAGE, page -> page.forEach(call -> {
			if (!known.contains(call.id())) {
				this.programmes.group(call.id());
				grouped.incrementAndGet();
			}
		}));
		if (grouped.get() > 0) {
			log.info("Grouped {} stored calls into programmes", grouped.get());
		}
	}

}
