package pe.gob.munlima.convoca.call;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Normalises raw calls and stores them: one Call per real call, however many sources list
 * it. An item is found by its source's id first, then as a call another source already
 * brought ({@link DuplicateFinder}); each source keeps its link and what it said last,
 * and the Call is the merge of its sources ({@link SourceMerge}). Each item is stored in
 * its own transaction, so a failure in the middle of a batch keeps every call stored
 * before it. An item its source sends unchanged only has its last-seen time touched and
 * publishes nothing. New and changed calls publish {@link CallStored}; calls that close
 * publish {@link CallClosed}.
 */
@Service
public class CallIntake {

	private static final Logger log = LoggerFactory.getLogger(CallIntake.class);

	private static final String EMPTY_LISTING = "source %s: the complete listing is empty; no call was closed";

	private final CallRepository calls;

	private final Calls views;

	private final CallNormaliser normaliser;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CallVersions versions;

	private final CallSources sources;

	private final KeyDates keyDates;

	private final DuplicateFinder duplicates;

	private final MessageSource messages;

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private final CallMerge merge;

	CallIntake(CallRepository calls, Calls views, CallNormaliser normaliser, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock, CallVersions versions, CallSources sources,
			KeyDates keyDates, SourceCodes codes, MessageSource messages, CallMerge merge) {
		this.merge = merge;
		this.messages = messages;
		this.calls = calls;
		this.views = views;
		this.normaliser = normaliser;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.versions = versions;
		this.sources = sources;
		this.keyDates = keyDates;
		this.duplicates = new DuplicateFinder(calls, sources, keyDates, codes);
	}

	/** Stores a batch that is part of what the source lists (a feed, one page). */
	public IntakeResult ingest(SourceInfo source, List<RawCall> items) {
		return ingest(source, items, Listing.PARTIAL);
	}

	/**
	 * Stores a batch; when it is the source's {@link Listing#COMPLETE complete} listing,
	 * the calls of this source it no longer shows are closed. A complete listing with no
	 * item closes nothing: an empty page is far more often a broken page than a funder
	 * with no call at all.
	 */
	public IntakeResult ingest(SourceInfo source, List<RawCall> items, Listing listing) {
		Counts counts = new Counts();
		List<String> errors = new ArrayList<>();
		Set<String> listed = new HashSet<>();
		for (RawCall raw : items) {
			listed.add(raw.externalId());
			try {
				NormalisedCall call = this.normaliser.normalise(source, raw);
				Outcome outcome = this.transactions.execute(status -> store(source, call, raw));
				counts.add(outcome);
			}
			catch (RuntimeException ex) {
				// The log keeps the cause for the operator; the answer says what failed
				// in
				// the reader's words, never the SQL statement or the exception's text.
				log.warn("Call not stored: source {}, item {}", source.sourceId(), raw.externalId(), ex);
				errors.add(itemError(source, raw, ex));
			}
		}
		if (listing == Listing.COMPLETE) {
			int closed = closeMissing(source, listed);
			if (closed < 0) {
				errors.add(String.format(Locale.ROOT, EMPTY_LISTING, source.sourceId()));
			}
			else {
				counts.closed += closed;
			}
		}
		return new IntakeResult(items.size(), counts.created, counts.updated, counts.unchanged, counts.closed,
				List.copyOf(errors));
	}

	/**
	 * Why an item was not stored, from the bundles: in the request's language for an
	 * import, in Spanish for a scheduled crawl (its errors are kept with the run).
	 */
	private String itemError(SourceInfo source, RawCall raw, RuntimeException ex) {
		String reason = ex instanceof org.springframework.dao.DataAccessException ? "intake.item.reason.storage"
				: "intake.item.reason.unreadable";
		Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocaleContext() == null ? SPANISH
				: org.springframework.context.i18n.LocaleContextHolder.getLocale();
		String why = this.messages.getMessage(reason, null, locale);
		String item = raw.externalId() == null || raw.externalId().length() <= 80 ? raw.externalId()
				: raw.externalId().substring(0, 80) + "…";
		return this.messages.getMessage("intake.item.notStored", new Object[] { source.sourceId(), item, why }, locale);
	}

	/**
	 * Closes the calls of a source that its complete listing no longer shows, for a
	 * crawler that stored the listing page by page with {@link #ingest(SourceInfo, List)}
	 * and knows at the end that it read every page.
	 * @param listed the source's ids of every item of the complete listing (items that
	 * failed to store included: they are still listed)
	 * @return how many calls closed, or -1 when the listing is empty (nothing is closed:
	 * an empty page is far more often a broken page than a funder with no call)
	 */
	public int closeMissing(SourceInfo source, Set<String> listed) {
		if (listed.isEmpty()) {
			log.warn(String.format(Locale.ROOT, EMPTY_LISTING, source.sourceId()));
			return -1;
		}
		return closeDelisted(source, listed);
	}

	/** Normalises a batch without storing anything: what {@link #ingest} would store. */
	public List<CallPreview> preview(SourceInfo source, List<RawCall> items) {
		return CallPreview.of(this.normaliser, source, items);
	}

	private Outcome store(SourceInfo source, NormalisedCall call, RawCall raw) {
		Instant now = this.clock.instant();
		String json = CallMerge.JSON.writeValueAsString(call);
		String hash = CallMerge.sha256(json);
		Optional<CallSources.Link> link = this.sources.find(call.sourceId(), call.externalId());
		if (link.isPresent() && hash.equals(link.get().contentHash()) && link.get().goneAt() == null) {
			this.sources.seen(link.get().id(), now);
			this.calls.findById(link.get().callId()).ifPresent(stored -> stored.seen(now));
			return Outcome.UNCHANGED;
		}
		Long callId = link.map(CallSources.Link::callId)
			.orElseGet(() -> this.duplicates.find(call).map(DuplicateFinder.Found::callId).orElse(null));
		if (callId == null) {
			return create(source, call, raw, json, hash, now);
		}
		Call stored = this.calls.lockById(callId).orElseThrow();
		CallView before = this.views.view(stored);
		if (link.isPresent()) {
			if (link.get().goneAt() != null) {
				stored.relisted();
			}
			this.sources.update(link.get().id(), call, source.role(), hash, json, now);
		}
		else {
			this.sources.insert(callId, call, source.role(), hash, json, now);
		}
		return update(stored, before, raw, call.sourceId(), now);
	}

	private Outcome create(SourceInfo source, NormalisedCall call, RawCall raw, String json, String hash, Instant now) {
		Call stored = this.calls
			.save(new Call(call, RequirementsColumn.write(call.requirements()), CallMerge.evidence(call), hash, now));
		this.sources.insert(stored.getId(), call, source.role(), hash, json, now);
		this.keyDates.replace(stored.getId(), call.keyDates());
		this.versions.record(stored.getId(), List.of(), raw, call.sourceId(), now);
		this.events.publishEvent(new CallStored(stored.getId(), CallStored.Change.NEW, List.of(), now));
		return Outcome.CREATED;
	}

	/**
	 * The call becomes the merge of what its sources say now. The source's record is kept
	 * as a version even when another source's values win and the call does not change.
	 */
	private Outcome update(Call stored, CallView before, RawCall raw, String sourceId, Instant now) {
		CallClosed.Reason closed = this.merge.remerge(stored, now);
		List<FieldChange> changes = CallDiff.between(before, this.views.view(stored));
		this.versions.record(stored.getId(), changes, raw, sourceId, now);
		if (changes.isEmpty()) {
			return Outcome.UNCHANGED;
		}
		this.events.publishEvent(new CallStored(stored.getId(), CallStored.Change.UPDATED, changes, now));
		if (closed != null) {
			this.events.publishEvent(new CallClosed(stored.getId(), closed, now, before.status()));
			return Outcome.CLOSED;
		}
		return Outcome.UPDATED;
	}

	/**
	 * Closes the calls a complete listing no longer shows, each in its own transaction. A
	 * call another source still lists stays open when that source's word counts as much
	 * (the funder's own site when an aggregator dropped it).
	 */
	private int closeDelisted(SourceInfo source, Set<String> listed) {
		int closed = 0;
		for (CallSources.Link gone : this.sources.listedExcept(source.sourceId(), listed)) {
			Boolean didClose = this.transactions.execute(tx -> {
				Instant now = this.clock.instant();
				this.sources.gone(gone.id(), now);
				boolean stillListed = this.sources.ofCall(gone.callId())
					.stream()
					.anyMatch(other -> other.id() != gone.id() && other.goneAt() == null
							&& other.role().compareTo(gone.role()) <= 0);
				Call call = this.calls.lockById(gone.callId()).orElseThrow();
				String status = call.getStatus();
				if (stillListed || !call.delist(now)) {
					return false;
				}
				this.versions.record(call.getId(), List.of(CallDiff.closing(status)), null, null, now);
				this.events.publishEvent(new CallClosed(call.getId(), CallClosed.Reason.DELISTED, now, status));
				return true;
			});
			if (Boolean.TRUE.equals(didClose)) {
				closed++;
			}
		}
		return closed;
	}

	private enum Outcome {

		CREATED, UPDATED, CLOSED, UNCHANGED

	}

	private static final class Counts {

		private int created;

		private int updated;

		private int unchanged;

		private int closed;

		void add(Outcome outcome) {
			switch (outcome) {
				case CREATED -> this.created++;
				case UPDATED -> this.updated++;
				case CLOSED -> {
					this.updated++;
					this.closed++;
				}
				case UNCHANGED -> this.unchanged++;
			}
		}

	}

}
