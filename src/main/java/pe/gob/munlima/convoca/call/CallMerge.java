package pe.gob.munlima.convoca.call;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Makes a stored call what its sources say now, with the office's corrections laid over
 * them ({@link CorrectionOverlay}): after a source brought something new, and after the
 * office corrected a fact or withdrew a correction. Runs inside the caller's transaction,
 * with the call locked.
 */
@Component
class CallMerge {

	/** Sorted map keys: the same facts always serialise (and hash) the same way. */
	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

	private final CallSources sources;

	private final CallCorrections corrections;

	private final KeyDates keyDates;

	CallMerge(CallSources sources, CallCorrections corrections, KeyDates keyDates) {
		this.sources = sources;
		this.corrections = corrections;
		this.keyDates = keyDates;
	}

	/**
	 * @return why the call just closed, or null when it did not close now
	 */
	CallClosed.Reason remerge(Call stored, Instant now) {
		return remerge(stored, fromSources(stored.getId()), now);
	}

	/**
	 * @param sources what the call's sources say, merged ({@link #fromSources}), when the
	 * caller read it already
	 */
	CallClosed.Reason remerge(Call stored, NormalisedCall sources, Instant now) {
		CorrectionOverlay.Result result = CorrectionOverlay.apply(sources, this.corrections.active(stored.getId()));
		for (CorrectionOverlay.SourceMoved moved : result.moved()) {
			if (moved.agrees()) {
				this.corrections.rebase(moved.correctionId(), moved.value(), moved.evidence());
			}
			else {
				this.corrections.conflict(moved.correctionId(), moved.value(), moved.evidence(), now);
			}
		}
		NormalisedCall merged = result.call();
		CallClosed.Reason closed = stored.apply(merged, RequirementsColumn.write(merged.requirements()),
				evidence(merged), sha256(JSON.writeValueAsString(merged)), now);
		stored.confirmed(Confirmations.write(result.confirmed()));
		this.keyDates.replace(stored.getId(), merged.keyDates());
		return closed;
	}

	/** What the call's sources say, merged, before any correction. */
	NormalisedCall fromSources(long callId) {
		List<NormalisedCall> said = new ArrayList<>();
		for (CallSources.Link each : this.sources.ofCall(callId)) {
			if (each.normalised() != null) {
				said.add(JSON.readValue(each.normalised(), NormalisedCall.class));
			}
		}
		return SourceMerge.merge(said);
	}

	static String evidence(NormalisedCall call) {
		return JSON.writeValueAsString(new TreeMap<>(call.evidence()));
	}

	static String sha256(String content) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
