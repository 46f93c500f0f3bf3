package pe.gob.munlima.convoca.iati;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of one import as it goes: elements read per part (by the reader), elements
 * stored per part (by the store), activities created / updated / unchanged, and the
 * problems. Becomes an {@link IatiReport} at the end.
 */
final class Tally {

	private final Map<String, int[]> read = new LinkedHashMap<>();

	private final Map<String, int[]> stored = new LinkedHashMap<>();

	private final List<String> problems = new ArrayList<>();

	private int created;

	private int updated;

	private int unchanged;

	private Long total;

	Tally() {
		for (String part : IatiReport.PARTS) {
			this.read.put(part, new int[1]);
			this.stored.put(part, new int[1]);
		}
	}

	void read(String part, int n) {
		this.read.get(part)[0] += n;
	}

	void stored(String part, int n) {
		this.stored.get(part)[0] += n;
	}

	/** Everything the activity holds, part by part. */
	void read(IatiActivity activity) {
		parts(activity, this::read);
	}

	void stored(IatiActivity activity) {
		parts(activity, this::stored);
	}

	private static void parts(IatiActivity activity, java.util.function.ObjIntConsumer<String> add) {
		add.accept(IatiReport.ACTIVITIES, 1);
		add.accept(IatiReport.SECTORS, activity.sectors().size());
		add.accept(IatiReport.LOCATIONS, activity.locations().size());
		add.accept(IatiReport.TRANSACTIONS, activity.transactions().size());
		add.accept(IatiReport.BUDGETS, activity.budgets().size());
		add.accept(IatiReport.ORGANISATIONS, activity.participatingOrgs().size());
		add.accept(IatiReport.RECIPIENTS, activity.recipients().size());
	}

	void created() {
		this.created++;
	}

	void updated() {
		this.updated++;
	}

	void unchanged() {
		this.unchanged++;
	}

	void total(long total) {
		this.total = total;
	}

	void problem(String message) {
		if (this.problems.size() < IatiReport.MAX_PROBLEMS) {
			this.problems.add(message);
		}
	}

	IatiReport report() {
		List<IatiReport.Count> counts = IatiReport.PARTS.stream()
			.map(part -> new IatiReport.Count(part, this.read.get(part)[0], this.stored.get(part)[0]))
			.toList();
		return new IatiReport(counts, this.created, this.updated, this.unchanged, this.total, this.problems);
	}

}
