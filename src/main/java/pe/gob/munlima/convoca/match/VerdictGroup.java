package pe.gob.munlima.convoca.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import pe.gob.munlima.convoca.rules.Verdict;

/** Verdicts in the order a reader acts on them: eligible first. */
record VerdictGroup<T>(String verdict, List<T> items) {

	static final List<String> ORDER = List.of(Verdict.ELIGIBLE.name(), Verdict.NEEDS_REVIEW.name(),
			Verdict.NOT_ELIGIBLE.name());

	static <T> List<VerdictGroup<T>> of(List<T> items, Function<T, String> verdict) {
		Map<String, List<T>> grouped = items.stream().collect(Collectors.groupingBy(verdict));
		return ORDER.stream().filter(grouped::containsKey).map(v -> new VerdictGroup<>(v, grouped.get(v))).toList();
	}

	/** How many of each verdict, in {@link #ORDER}, zeros included. */
	static Map<String, Long> counts(Stream<String> verdicts) {
		Map<String, Long> found = verdicts.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		Map<String, Long> counts = new LinkedHashMap<>();
		ORDER.forEach(v -> counts.put(v, found.getOrDefault(v, 0L)));
		return counts;
	}

}
