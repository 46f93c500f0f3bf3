package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import pe.gob.munlima.convoca.requirement.RequirementFacts;

/**
 * The fields of a call a user follows, compared between two states of the stored call.
 * Summary wording is left out: a reworded paragraph is not news, a moved deadline is.
 * Money is compared as amount and currency together ("500000 EUR"); dates as ISO
 * instants.
 */
final class CallDiff {

	private static final List<Field> FIELDS = List.of(new Field("title", CallView::title),
			new Field("status", CallView::status), new Field("deadline", CallView::deadline),
			new Field("opensAt", CallView::opensAt), new Field("keyDates", CallDiff::otherKeyDates),
			new Field("themes", CallDiff::themes), new Field("sourceUrl", CallView::sourceUrl),
			new Field("sources", CallDiff::listedBy));

	private static final String MONEY = "money";

	private CallDiff() {
	}

	static List<FieldChange> between(CallView before, CallView after) {
		List<FieldChange> changes = new ArrayList<>();
		for (Field field : FIELDS) {
			compare(field.name(), field.value().apply(before), field.value().apply(after), changes);
		}
		// Every requirement, by its name in the model: a new criterion is followed
		// without
		// being listed here. Money goes with its currency ("500000 EUR").
		Map<String, Object> old = requirements(before);
		Map<String, Object> now = requirements(after);
		for (String name : RequirementFacts.names()) {
			if (old.containsKey(name) || now.containsKey(name)) {
				compare(name, old.get(name), now.get(name), changes);
			}
		}
		return changes;
	}

	private static void compare(String name, Object before, Object after, List<FieldChange> changes) {
		String old = text(before);
		String now = text(after);
		if (!Objects.equals(old, now)) {
			changes.add(new FieldChange(name, old, now));
		}
	}

	/** The stated requirements a user follows, amounts with their currency. */
	private static Map<String, Object> requirements(CallView call) {
		Map<String, Object> values = new LinkedHashMap<>();
		String currency = call.requirements().money().currency();
		for (RequirementFacts.Stated fact : call.requirements().stated()) {
			boolean amount = MONEY.equals(fact.group()) && fact.value() instanceof BigDecimal
					&& !fact.name().equals("coFinancingPct");
			values.put(fact.name(), amount ? money((BigDecimal) fact.value(), currency) : fact.value());
		}
		return values;
	}

	/** The themes as a set: the same themes in another order are not news. */
	private static List<String> themes(CallView call) {
		return call.themes() == null ? null : call.themes().stream().sorted().toList();
	}

	/**
	 * The change of status alone, for a call closed without a new record of its source.
	 */
	static FieldChange closing(String before) {
		return new FieldChange("status", before, "CLOSED");
	}

	/**
	 * The key dates besides the deadline and the opening shown on their own (a two-stage
	 * call's other deadline): a moved deadline is said once, not twice.
	 */
	private static List<String> otherKeyDates(CallView call) {
		List<String> others = new ArrayList<>();
		for (KeyDate date : call.keyDates()) {
			if (date.at().equals(call.deadline()) || date.at().equals(call.opensAt())) {
				continue;
			}
			others.add(date.kind() + " " + date.at() + (date.label() == null ? "" : " " + date.label()));
		}
		return others.isEmpty() ? null : others;
	}

	private static List<String> listedBy(CallView call) {
		List<String> sources = call.sources().stream().filter(s -> s.goneAt() == null).map(CallLink::sourceId).toList();
		return sources.isEmpty() ? null : sources;
	}

	private static String money(BigDecimal amount, String currency) {
		return amount == null ? null : amount.stripTrailingZeros().toPlainString() + " " + currency;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		if (value instanceof BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		return value.toString();
	}

	private record Field(String name, Function<CallView, Object> value) {
	}

}
