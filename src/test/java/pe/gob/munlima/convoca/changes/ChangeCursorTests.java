package pe.gob.munlima.convoca.changes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follower's place in the log never passes an entry that may still commit: seqs are
 * taken when transactions write, so a later one can be seen first.
 */
class ChangeCursorTests {

	@Test
	void entriesInOrderMoveThePlaceToTheLastOne() {
		ChangeCursor cursor = new ChangeCursor(0);

		cursor.advance(changes(1, 2, 3), 100, 100);

		assertThat(cursor.applied()).isEqualTo(3);
		assertThat(cursor.gaps()).isEmpty();
	}

	@Test
	void aSeqStillRunningHoldsThePlaceBackUntilItCommitsAndIsReadAgain() {
		ChangeCursor cursor = new ChangeCursor(9);

		// Seq 10's transaction (an id below 105) still runs when 11 is seen.
		cursor.advance(changes(11), 90, 105);

		assertThat(cursor.applied()).as("a restart must read 10 again").isEqualTo(9);
		assertThat(cursor.highest()).isEqualTo(11);
		assertThat(cursor.gapsLiteral()).isEqualTo("{10}");

		// It commits: the next read brings it (seq = ANY(gaps)).
		cursor.advance(changes(10), 104, 106);

		assertThat(cursor.applied()).isEqualTo(11);
		assertThat(cursor.gaps()).isEmpty();
	}

	@Test
	void aSeqWhoseTransactionsAllEndedWithoutItIsGivenUp() {
		ChangeCursor cursor = new ChangeCursor(9);
		cursor.advance(changes(11, 12), 90, 105);

		// Still a transaction older than 105 running: 10 may yet come.
		cursor.advance(List.of(), 104, 107);
		assertThat(cursor.applied()).isEqualTo(9);

		// Every transaction below 105 ended and 10 never showed: it rolled back.
		cursor.advance(List.of(), 105, 107);
		assertThat(cursor.applied()).isEqualTo(12);
		assertThat(cursor.gaps()).isEmpty();
	}

	@Test
	void thePlaceStopsBelowTheFirstOpenGap() {
		ChangeCursor cursor = new ChangeCursor(0);

		cursor.advance(changes(1, 3, 6), 50, 60);

		assertThat(cursor.gapsLiteral()).isEqualTo("{2,4,5}");
		assertThat(cursor.applied()).isEqualTo(1);
		cursor.advance(changes(2), 55, 61);
		assertThat(cursor.applied()).isEqualTo(3);
	}

	private static List<Change> changes(long... seqs) {
		return Arrays.stream(seqs).mapToObj(seq -> new Change(seq, Change.Kind.CALL, seq, Instant.EPOCH)).toList();
	}

}
