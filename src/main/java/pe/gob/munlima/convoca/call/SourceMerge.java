package pe.gob.munlima.convoca.call;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * One call from what each of its sources says. Sources come in order of precedence: the
 * funder's own before an aggregator, then the one that found the call first. For each
 * fact the first source that states it wins, so an aggregator can fill what the funder's
 * page leaves unknown but never contradicts it. Facts that belong together come from one
 * source: the key dates with the deadline and opening derived from them, and the money
 * (amounts, total and currency), so an amount never gets another source's currency.
 */
final class SourceMerge {

	private SourceMerge() {
	}

	static NormalisedCall merge(List<NormalisedCall> bySourcePrecedence) {
		if (bySourcePrecedence.isEmpty()) {
			throw new IllegalArgumentException("no source to merge");
		}
		List<NormalisedCall> all = bySourcePrecedence;
		NormalisedCall primary = all.get(0);
		NormalisedCall dated = all.stream().filter(c -> !c.keyDates().isEmpty()).findFirst().orElse(primary);
		Map<String, String> evidence = new LinkedHashMap<>();
		for (int i = all.size() - 1; i >= 0; i--) {
			evidence.putAll(all.get(i).evidence());
		}
		return new NormalisedCall(primary.stableKey(), primary.sourceId(), primary.externalId(), primary.sourceUrl(),
				primary.funder(), primary.title(), primary.summary(), primary.summaryText(),
				first(all, NormalisedCall::language), first(all, NormalisedCall::publishedAt), dated.opensAt(),
				dated.deadline(), dated.deadlineZone(), first(all, NormalisedCall::themes),
				Requirements.merge(all.stream().map(NormalisedCall::requirements).toList()), evidence,
				first(all, NormalisedCall::reference), first(all, NormalisedCall::programme),
				first(all, NormalisedCall::sourceStatus), dated.keyDates());
	}

	private static <T> T first(List<NormalisedCall> calls, Function<NormalisedCall, T> fact) {
		return calls.stream().map(fact).filter(Objects::nonNull).findFirst().orElse(null);
	}

}
