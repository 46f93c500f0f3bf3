package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import pe.gob.munlima.convoca.requirement.Confirmation;
import pe.gob.munlima.convoca.requirement.RequirementFacts;
import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * Lays the office's corrections over what the sources say, and tells where the sources
 * changed a corrected fact since. Pure: the caller stores what it returns.
 * <p>
 * A corrected fact always keeps the office's value, whatever the sources say now: a
 * source that changes it raises a conflict the office decides, it never overwrites the
 * correction. A source that comes round to the office's value settles it quietly.
 */
final class CorrectionOverlay {

	/** The fact that is not a requirement but may be corrected too. */
	static final String DEADLINE = "deadline";

	/** Where a corrected day's deadline falls when the call gives no zone. */
	static final ZoneId LIMA = ZoneId.of("America/Lima");

	private CorrectionOverlay() {
	}

	private static final List<String> CORRECTABLE = java.util.stream.Stream
		.concat(RequirementFacts.correctable().stream(), java.util.stream.Stream.of(DEADLINE))
		.toList();

	/** Every name a correction may have. */
	static List<String> correctable() {
		return CORRECTABLE;
	}

	/**
	 * @param call the merge of the call's sources
	 * @param active the active corrections, oldest first
	 */
	static Result apply(NormalisedCall call, List<Correction> active) {
		NormalisedCall corrected = call;
		Map<String, Confirmation> confirmed = new LinkedHashMap<>();
		List<SourceMoved> moved = new ArrayList<>();
		for (Correction correction : active) {
			Object saysNow = valueOf(call, correction.fact());
			if (!same(saysNow, correction.sourceValue()) && !same(saysNow, correction.conflictValue())) {
				boolean agrees = same(saysNow, correction.value());
				moved.add(new SourceMoved(correction.id(), saysNow, evidenceOf(call, correction.fact()), agrees));
			}
			corrected = with(corrected, correction.fact(), correction.value(), correction.evidence());
			confirmed.put(correction.fact(),
					new Confirmation(correction.author(), LocalDate.ofInstant(correction.createdAt(), LIMA)));
		}
		return new Result(corrected, confirmed, moved);
	}

	/**
	 * What the call (as merged from its sources) says of a fact, as JSON would hold it.
	 */
	static Object valueOf(NormalisedCall call, String fact) {
		if (DEADLINE.equals(fact)) {
			return call.deadline() == null ? null
					: LocalDate.ofInstant(call.deadline(), zone(call.deadlineZone())).toString();
		}
		Object value = call.requirements().value(fact);
		return value instanceof Collection<?> list && list.isEmpty() ? null : value;
	}

	static String evidenceOf(NormalisedCall call, String fact) {
		return DEADLINE.equals(fact) ? call.evidence().get(DEADLINE) : call.requirements().evidence(fact);
	}

	/**
	 * Checks that a value fits the fact, as {@link #with} would take it.
	 * @throws IllegalArgumentException naming the fact and what is wrong
	 */
	static void check(String fact, Object value) {
		if (DEADLINE.equals(fact)) {
			if (value != null) {
				day(value);
			}
			return;
		}
		Requirements.NONE.with(fact, value, null);
	}

	static NormalisedCall with(NormalisedCall call, String fact, Object value, String evidence) {
		if (!DEADLINE.equals(fact)) {
			return copy(call, call.requirements().with(fact, value, evidence), call.deadline(), call.keyDates(),
					call.evidence());
		}
		Map<String, String> quotes = new LinkedHashMap<>(call.evidence());
		List<KeyDate> dates = new ArrayList<>(
				call.keyDates().stream().filter(d -> d.kind() != KeyDate.Kind.DEADLINE).toList());
		Instant deadline = null;
		if (value != null) {
			String zone = call.deadlineZone() == null ? LIMA.getId() : call.deadlineZone();
			deadline = day(value).atTime(LocalTime.MAX).atZone(zone(zone)).toInstant();
			dates.add(new KeyDate(KeyDate.Kind.DEADLINE, deadline, zone, null, true));
			dates.sort(java.util.Comparator.comparing(KeyDate::at));
		}
		if (evidence == null) {
			quotes.remove(DEADLINE);
		}
		else {
			quotes.put(DEADLINE, evidence);
		}
		return copy(call, call.requirements(), deadline, dates, quotes);
	}

	/** Two values the same for a person: numbers by value, lists whatever their order. */
	static boolean same(Object a, Object b) {
		return Objects.equals(canonical(a), canonical(b));
	}

	private static Object canonical(Object value) {
		if (value instanceof Collection<?> list) {
			return list.isEmpty() ? null : list.stream().map(String::valueOf).sorted().toList();
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
		}
		return value;
	}

	private static LocalDate day(Object value) {
		try {
			return LocalDate.parse(String.valueOf(value));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(DEADLINE + " cannot be " + value);
		}
	}

	private static ZoneId zone(String id) {
		try {
			return id == null ? LIMA : ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			return LIMA;
		}
	}

	private static NormalisedCall copy(NormalisedCall c, Requirements requirements, Instant deadline,
			List<KeyDate> keyDates, Map<String, String> evidence) {
		return new NormalisedCall(c.stableKey(), c.sourceId(), c.externalId(), c.sourceUrl(), c.funder(), c.title(),
				c.summary(), c.summaryText(), c.language(), c.publishedAt(), c.opensAt(), deadline, c.deadlineZone(),
				c.themes(), requirements, evidence, c.reference(), c.programme(), c.sourceStatus(), keyDates);
	}

	/**
	 * @param call the call with every correction laid over its sources
	 * @param confirmed the facts that rest on the office's word
	 * @param moved the corrected facts the sources changed since the office last looked
	 */
	record Result(NormalisedCall call, Map<String, Confirmation> confirmed, List<SourceMoved> moved) {
	}

	/**
	 * The sources say something new of a corrected fact.
	 *
	 * @param agrees true when they now say what the office said: settled, no conflict
	 */
	record SourceMoved(long correctionId, Object value, String evidence, boolean agrees) {
	}

}
