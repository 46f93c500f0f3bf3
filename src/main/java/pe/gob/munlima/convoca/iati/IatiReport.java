package pe.gob.munlima.convoca.iati;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import read and what it kept, part by part, so that "without loss" is a number:
 * for every part (activities, sectors, locations, transactions, budgets, organisations,
 * recipient countries and regions) the elements read and the ones stored. A difference is
 * explained in {@code problems}.
 *
 * @param counts read and stored, per part, in a fixed order
 * @param created activities stored for the first time
 * @param updated activities stored before and changed
 * @param unchanged activities stored before and equal (nothing written)
 * @param total the activities the Datastore says its query has (the v1 wrapper's
 * {@code total-count}), or null when the file does not say
 * @param problems what was not kept and why, and values that could not be read (at most
 * {@value #MAX_PROBLEMS})
 */
public record IatiReport(List<Count> counts, int created, int updated, int unchanged, Long total,
		List<String> problems) {

	/** Problems kept per report: enough to diagnose, not enough to flood a run. */
	public static final int MAX_PROBLEMS = 200;

	public static final String ACTIVITIES = "activities";

	public static final String SECTORS = "sectors";

	public static final String LOCATIONS = "locations";

	public static final String TRANSACTIONS = "transactions";

	public static final String BUDGETS = "budgets";

	public static final String ORGANISATIONS = "participatingOrgs";

	public static final String RECIPIENTS = "recipients";

	/** The parts, in the order reports list them. */
	public static final List<String> PARTS = List.of(ACTIVITIES, SECTORS, LOCATIONS, TRANSACTIONS, BUDGETS,
			ORGANISATIONS, RECIPIENTS);

	public IatiReport {
		counts = List.copyOf(counts);
		problems = List.copyOf(problems);
	}

	/**
	 * @param part one of {@link #PARTS}
	 * @param read elements of that part in the file
	 * @param stored of them, kept in the database (or, for a reading that stores nothing,
	 * handed over)
	 */
	public record Count(String part, int read, int stored) {
	}

	static IatiReport empty() {
		return new IatiReport(PARTS.stream().map(part -> new Count(part, 0, 0)).toList(), 0, 0, 0, null, List.of());
	}

	public int read(String part) {
		return count(part).read();
	}

	public int stored(String part) {
		return count(part).stored();
	}

	private Count count(String part) {
		return this.counts.stream()
			.filter(count -> count.part().equals(part))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(part));
	}

	/** Every element read of every part was stored. */
	public boolean lossless() {
		return this.counts.stream().allMatch(count -> count.read() == count.stored());
	}

	/** This report and the next page's, as one. */
	public IatiReport plus(IatiReport other) {
		Map<String, Count> sum = new LinkedHashMap<>();
		for (String part : PARTS) {
			sum.put(part, new Count(part, read(part) + other.read(part), stored(part) + other.stored(part)));
		}
		List<String> all = new ArrayList<>(this.problems);
		other.problems.stream().limit(Math.max(0, MAX_PROBLEMS - all.size())).forEach(all::add);
		return new IatiReport(List.copyOf(sum.values()), this.created + other.created, this.updated + other.updated,
				this.unchanged + other.unchanged, other.total != null ? other.total : this.total, all);
	}

}
