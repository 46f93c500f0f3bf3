package pe.gob.munlima.convoca.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The fields of a call a user follows, compared between the stored call and what the
 * source says now. Summary wording is left out: a reworded paragraph is not news, a moved
 * deadline is.
 */
final class CallDiff {

	private static final List<Field> FIELDS = List.of(new Field("title", CallView::title, NormalisedCall::title),
			new Field("deadline", CallView::deadline, NormalisedCall::deadline),
			new Field("amountMin", CallView::amountMin, NormalisedCall::amountMin),
			new Field("amountMax", CallView::amountMax, NormalisedCall::amountMax),
			new Field("currency", CallView::currency, NormalisedCall::currency),
			new Field("coFinancingPct", CallView::coFinancingPct, NormalisedCall::coFinancingPct),
			new Field("applicantTypes", CallView::applicantTypes, NormalisedCall::applicantTypes),
			new Field("eligibleGeographies", CallView::eligibleGeographies, NormalisedCall::eligibleGeographies),
			new Field("excludedCountries", CallView::excludedCountries, NormalisedCall::excludedCountries),
			new Field("themes", CallView::themes, NormalisedCall::themes),
			new Field("reimbursable", CallView::reimbursable, NormalisedCall::reimbursable),
			new Field("sourceUrl", CallView::sourceUrl, NormalisedCall::sourceUrl));

	private CallDiff() {
	}

	static List<FieldChange> between(CallView before, NormalisedCall after) {
		List<FieldChange> changes = new ArrayList<>();
		for (Field field : FIELDS) {
			String old = text(field.before().apply(before));
			String now = text(field.after().apply(after));
			if (!Objects.equals(old, now)) {
				changes.add(new FieldChange(field.name(), old, now));
			}
		}
		return changes;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		if (value instanceof java.math.BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}

	private record Field(String name, Function<CallView, Object> before, Function<NormalisedCall, Object> after) {
	}

}
