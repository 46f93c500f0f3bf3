package pe.gob.munlima.convoca.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.search.StoredQueries;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts once on each recorded call event: a new call is run against every subscribed saved
 * search (percolation: the call alone in memory against the stored queries); a change of
 * a matched call becomes change notices. The event is marked processed in the same
 * transaction as the hits and the outbox rows it produced, so it is acted on exactly once
 * even with several nodes (rows locked with SKIP LOCKED).
 */
@Component
class CallEventProcessor {

	private static final Logger log = LoggerFactory.getLogger(CallEventProcessor.class);

	private static final int BATCH = 50;

	private final CallEvents events;

	private final Calls calls;

	private final SavedSearches searches;

	private final StoredQueries queries;

	private final ChangeNotices notices;

	private final AlertProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CallEventProcessor(CallEvents events, Calls calls, SavedSearches searches, StoredQueries queries,
			ChangeNotices notices, AlertProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.events = events;
		this.calls = calls;
		this.searches = searches;
		this.queries = queries;
		this.notices = notices;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * @return how many events were processed
	 */
	int processDue() {
		int total = 0;
		int done;
		do {
			Integer batch = this.transactions.execute(status -> processBatch());
			done = batch == null ? 0 : batch;
			total += done;
		}
		while (done == BATCH);
		return total;
	}

	private int processBatch() {
		List<CallEvent> due = this.events.lockDue(this.properties.dispatch().settle(), BATCH);
		if (due.isEmpty()) {
			return 0;
		}
		List<Compiled> compiled = null;
		for (CallEvent event : due) {
			Optional<CallView> call = this.calls.find(event.callId());
			if (call.isPresent()) {
				if ("NEW".equals(event.kind())) {
					if (compiled == null) {
						compiled = compileSubscribed();
					}
					percolate(call.get(), compiled);
				}
				else {
					this.notices.record(event, call.get());
				}
			}
			this.events.processed(event.id());
		}
		return due.size();
	}

	/**
	 * Each subscribed search parsed once per batch; one that no longer parses (the
	 * thesaurus changed under it) is skipped and logged, not fatal to the others.
	 */
	private List<Compiled> compileSubscribed() {
		List<Compiled> compiled = new ArrayList<>();
		for (SavedSearch search : this.searches.subscribed()) {
			try {
				compiled.add(new Compiled(search.id(), this.queries.compile(search.params())));
			}
			catch (IllegalArgumentException ex) {
				log.warn("Saved search {} of {} no longer parses: {}", search.id(), search.username(), ex.getMessage());
			}
		}
		return compiled;
	}

	private void percolate(CallView call, List<Compiled> compiled) {
		if (compiled.isEmpty()) {
			return;
		}
		StoredQueries.HeldCall held = this.queries.hold(call);
		for (Compiled search : compiled) {
			if (held.matches(search.query())) {
				this.searches.hit(search.id(), call.id(), this.clock.instant());
			}
		}
	}

	private record Compiled(long id, StoredQueries.StoredQuery query) {
	}

}
