package pe.gob.munlima.convoca.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallClosed;
import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.call.FieldChange;
import pe.gob.munlima.convoca.match.MatchJudged;
import pe.gob.munlima.convoca.search.StoredQueries;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the alerts do with what happened to calls and matches. The event publication
 * registry hands each event over once its transaction committed and keeps it until the
 * listener completes (retried after a failure, resumed after a stop). Each listener does
 * its work in one transaction with the outbox rows it records, and a second delivery of
 * the same event finds its work done (the change recorded, the hit stored, the verdict
 * heard): nothing is lost and nothing is sent twice.
 * <p>
 * A new call is run against every subscribed saved search (percolation: the call alone in
 * memory against the stored queries); a change of a call becomes change notices; a
 * verdict the matcher reports goes into the alerts' own record ({@link AlertMatches}).
 * The listener ids are fixed, so a publication stored before a rename still finds its
 * listener.
 */
@Component
class CallAlerts {

	private static final Logger log = LoggerFactory.getLogger(CallAlerts.class);

	private final CallChanges changes;

	private final AlertMatches matches;

	private final Calls calls;

	private final SavedSearches searches;

	private final StoredQueries queries;

	private final ChangeNotices notices;

	private final Clock clock;

	CallAlerts(CallChanges changes, AlertMatches matches, Calls calls, SavedSearches searches, StoredQueries queries,
			ChangeNotices notices, Clock clock) {
		this.changes = changes;
		this.matches = matches;
		this.calls = calls;
		this.searches = searches;
		this.queries = queries;
		this.notices = notices;
		this.clock = clock;
	}

	@ApplicationModuleListener(id = "alert.call-stored")
	void on(CallStored event) {
		Optional<CallView> call = this.calls.find(event.callId());
		if (call.isEmpty()) {
			return;
		}
		if (event.change() == CallStored.Change.NEW) {
			percolate(call.get());
		}
		else {
			this.changes.record(event.callId(), event.change().name(), event.changes(), event.at())
				.ifPresent(change -> notify(change, call.get()));
		}
	}

	/**
	 * A call closed because its deadline passed or its source no longer lists it: the
	 * followers and the digest hear it like any other change ("El estado cambió de
	 * abierta a cerrada."). A closing that came with a source's update is already in that
	 * update's change and is not told twice.
	 */
	@ApplicationModuleListener(id = "alert.call-closed")
	void on(CallClosed event) {
		Optional<CallView> call = this.calls.find(event.callId());
		if (call.isEmpty() || this.changes.closedAt(event.callId(), event.closedAt())) {
			return;
		}
		this.changes
			.record(event.callId(), "CLOSED", List.of(new FieldChange("status", event.statusBefore(), "CLOSED")),
					event.closedAt())
			.ifPresent(change -> notify(change, call.get()));
	}

	@ApplicationModuleListener(id = "alert.match-judged")
	void on(MatchJudged event) {
		this.matches.heard(event);
	}

	private void notify(CallEvent change, CallView call) {
		// The notices recorded go out after this listener's commit: notify sends them.
		this.notices.record(change, call);
	}

	private void percolate(CallView call) {
		List<Compiled> compiled = compileSubscribed();
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

	/**
	 * Each subscribed search parsed; one that no longer parses (the thesaurus changed
	 * under it) is skipped and logged, not fatal to the others.
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

	private record Compiled(long id, StoredQueries.StoredQuery query) {
	}

}
