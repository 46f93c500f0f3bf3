package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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
			new Field("amountMin", c -> money(c.amountMin(), c.currency())),
			new Field("amountMax", c -> money(c.amountMax(), c.currency())),
			new Field("totalBudget", c -> money(c.totalBudget(), c.currency())),
			new Field("coFinancingPct", CallView::coFinancingPct),
			new Field("applicantTypes", CallView::applicantTypes),
			new Field("eligibleGeographies", CallView::eligibleGeographies),
			new Field("excludedCountries", CallView::excludedCountries), new Field("themes", CallView::themes),
			new Field("reimbursable", CallView::reimbursable), new Field("instrument", CallView::instrument),
			new Field("sourceUrl", CallView::sourceUrl), new Field("sources", CallDiff::listedBy));

	private CallDiff() {
	}

	static List<FieldChange> between(CallView before, CallView after) {
		List<FieldChange> changes = new ArrayList<>();
		for (Field field : FIELDS) {
			String old = text(field.value().apply(before));
			String now = text(field.value().apply(after));
			if (!Objects.equals(old, now)) {
				changes.add(new FieldChange(field.name(), old, now));
			}
		}
		return changes;
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
