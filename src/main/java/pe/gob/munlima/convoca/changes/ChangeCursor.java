package pe.gob.munlima.convoca.changes;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * One follower's place in the log. A seq is taken when a transaction writes its entry and
 * shows when it commits, so seq 11 may be visible while seq 10 is not yet (its
 * transaction still runs), or never will be (it rolled back). Entries are applied as soon
 * as they are seen; a seq skipped over is remembered as a gap together with the
 * {@code xmax} of the snapshot that saw the skip: every transaction that could hold it
 * had an id below that {@code xmax} (its entry was written before the later one was
 * seen), so once the oldest running transaction ({@code xmin}) is past it, the gap will
 * never fill and is dropped. {@link #applied()} — what a follower persists — is the seq
 * below the first open gap; everything up to it is done.
 * <p>
 * Not thread-safe: {@link ChangeFeed} uses each cursor under its own lock.
 */
final class ChangeCursor {

	private long applied;

	private long highest;

	/** Missing seq → xmax of the snapshot that first missed it. */
	private final NavigableMap<Long, Long> gaps = new TreeMap<>();

	ChangeCursor(long start) {
		this.applied = start;
		this.highest = start;
	}

	/** Every seq up to this one is applied or will never exist. */
	long applied() {
		return this.applied;
	}

	/** The highest seq seen. */
	long highest() {
		return this.highest;
	}

	/** Seqs skipped over that may still commit. */
	Set<Long> gaps() {
		return this.gaps.keySet();
	}

	/**
	 * Takes in what one read returned (every entry above {@link #highest()} up to a
	 * limit, and those of the gaps that committed since), ascending, with the snapshot
	 * bounds of the reading statement.
	 */
	void advance(List<Change> read, long xmin, long xmax) {
		for (Change change : read) {
			long seq = change.seq();
			this.gaps.remove(seq);
			if (seq > this.highest) {
				for (long missing = this.highest + 1; missing < seq; missing++) {
					this.gaps.put(missing, xmax);
				}
				this.highest = seq;
			}
		}
		this.gaps.entrySet().removeIf(gap -> xmin >= gap.getValue());
		this.applied = this.gaps.isEmpty() ? this.highest : this.gaps.firstKey() - 1;
	}

	/** What {@link #gaps()} says, as a SQL array literal: {@code {10,12}}. */
	String gapsLiteral() {
		StringBuilder literal = new StringBuilder("{");
		for (Map.Entry<Long, Long> gap : this.gaps.entrySet()) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append(gap.getKey());
		}
		return literal.append('}').toString();
	}

}
