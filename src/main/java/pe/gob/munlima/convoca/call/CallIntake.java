package pe.gob.munlima.convoca.call;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Normalises raw calls and upserts them by stable key (source id + the source's own id).
 * Each call is stored in its own transaction, so a failure in the middle of a batch keeps
 * every call stored before it. An unchanged call (same content hash) only has its
 * last-seen time touched and publishes nothing.
 */
@Service
public class CallIntake {

	private static final Logger log = LoggerFactory.getLogger(CallIntake.class);

	private final CallRepository calls;

	private final CallNormaliser normaliser;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final CallVersions versions;

	CallIntake(CallRepository calls, CallNormaliser normaliser, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock, CallVersions versions) {
		this.versions = versions;
		this.calls = calls;
		this.normaliser = normaliser;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	public IntakeResult ingest(SourceInfo source, List<RawCall> items) {
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<String> errors = new ArrayList<>();
		for (RawCall raw : items) {
			try {
				NormalisedCall call = this.normaliser.normalise(source, raw);
				Outcome outcome = this.transactions.execute(status -> upsert(call, raw));
				switch (outcome) {
					case CREATED -> created++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
				}
			}
			catch (RuntimeException ex) {
				String message = "source " + source.sourceId() + ", item " + raw.externalId() + ": " + ex.getMessage();
				log.warn("Call not stored: {}", message);
				errors.add(message);
			}
		}
		return new IntakeResult(items.size(), created, updated, unchanged, List.copyOf(errors));
	}

	/** Normalises a batch without storing anything: what {@link #ingest} would store. */
	public List<CallPreview> preview(SourceInfo source, List<RawCall> items) {
		return CallPreview.of(this.normaliser, source, items);
	}

	private Outcome upsert(NormalisedCall call, RawCall raw) {
		Instant now = this.clock.instant();
		// Sorted, so the same facts always serialise (and hash) the same way.
		String evidence = this.json.writeValueAsString(new TreeMap<>(call.evidence()));
		String hash = contentHash(call, evidence);
		var existing = this.calls.findByStableKey(call.stableKey());
		if (existing.isEmpty()) {
			Call stored = this.calls.save(new Call(call, evidence, hash, now));
			this.versions.record(stored.getId(), List.of(), raw, now);
			this.events.publishEvent(new CallStored(stored.getId(), CallStored.Change.NEW, List.of()));
			return Outcome.CREATED;
		}
		Call stored = existing.get();
		if (hash.equals(stored.getContentHash())) {
			stored.seen(now);
			return Outcome.UNCHANGED;
		}
		List<FieldChange> changes = CallDiff.between(stored.toView(Map.of()), call);
		stored.apply(call, evidence, hash, now);
		this.versions.record(stored.getId(), changes, raw, now);
		this.events.publishEvent(new CallStored(stored.getId(), CallStored.Change.UPDATED, changes));
		return Outcome.UPDATED;
	}

	/**
	 * Hash of everything a user or a rule reads; timestamps of the fetch are left out.
	 */
	private String contentHash(NormalisedCall call, String evidence) {
		String content = String.join("\u0001", String.valueOf(call.title()), String.valueOf(call.summary()),
				String.valueOf(call.sourceUrl()), String.valueOf(call.funder()), String.valueOf(call.deadline()),
				String.valueOf(call.opensAt()), String.valueOf(call.amountMin()), String.valueOf(call.amountMax()),
				String.valueOf(call.currency()), String.valueOf(call.language()), evidence);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

}
