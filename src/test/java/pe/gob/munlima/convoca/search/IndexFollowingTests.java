package pe.gob.munlima.convoca.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pe.gob.munlima.convoca.changes.Change;
import pe.gob.munlima.convoca.changes.ChangeLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static pe.gob.munlima.convoca.search.TestCall.call;

/**
 * The index follows the change log and keeps its place in it: calls the log names are
 * re-read and searchable, the seq reached survives a restart with the documents, and an
 * index that cannot say where it stands, or stands where the log no longer reaches, is
 * rebuilt rather than trusted.
 */
class IndexFollowingTests {

	@TempDir
	Path dir;

	private final ChangeLog changes = mock(ChangeLog.class);

	@Test
	void callsTheLogNamesAreSearchableAndTheSeqReachedSurvivesARestart() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			IndexFollower follower = follower(fixture);
			fixture.database.put(1L, call(1, "es", "Fondo de agua potable").view());
			fixture.database.put(2L, call(2, "es", "Programa de agua y saneamiento").view());

			follower.apply(List.of(change(41, Change.Kind.CALL, 1L), change(42, Change.Kind.RULES, 7L),
					change(43, Change.Kind.CALL, 2L)));
			follower.appliedUpTo(43);

			assertThat(fixture.ids("agua")).containsExactlyInAnyOrder(1L, 2L);
		}
		try (SearchFixture reopened = new SearchFixture(this.dir)) {
			given(this.changes.lastSeq()).willReturn(50L);
			assertThat(follower(reopened).resumeAfter()).isEqualTo(OptionalLong.of(43));
			assertThat(reopened.ids("agua")).containsExactlyInAnyOrder(1L, 2L);
		}
	}

	@Test
	void aCallGoneFromTheDatabaseLeavesTheIndex() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			fixture.store(call(1, "es", "Fondo de agua potable"), call(2, "es", "Programa de agua y saneamiento"));
			fixture.database.remove(2L);

			follower(fixture).apply(List.of(change(5, Change.Kind.CALL, 2L)));

			assertThat(fixture.ids("agua")).containsExactly(1L);
		}
	}

	@Test
	void aThesaurusReloadedOnAnotherNodeIsReloadedHere() throws Exception {
		Path thesaurus = this.dir.resolve("thesaurus.yaml");
		Files.writeString(thesaurus, "groups: []\n", StandardCharsets.UTF_8);
		try (SearchFixture fixture = new SearchFixture(this.dir, thesaurus)) {
			fixture.store(call(1, "en", "Participatory budgeting pilot").summary("Citizens decide."));
			assertThat(fixture.ids("presupuesto participativo")).isEmpty();
			// The same file on every node; the reload was asked for on another one.
			Files.writeString(thesaurus, "groups:\n  - [presupuesto participativo, participatory budgeting]\n",
					StandardCharsets.UTF_8);

			follower(fixture).apply(List.of(change(8, Change.Kind.THESAURUS, null)));

			assertThat(fixture.ids("presupuesto participativo")).containsExactly(1L);
		}
	}

	@Test
	void anIndexThatRecordsNoSeqOrStandsOutsideTheLogIsRebuilt() throws Exception {
		try (SearchFixture fixture = new SearchFixture(this.dir)) {
			fixture.store(call(1, "es", "Fondo de agua potable"));
			assertThat(follower(fixture).resumeAfter()).as("an index of an earlier version: no seq").isEmpty();
			follower(fixture).appliedUpTo(10);
		}
		try (SearchFixture reopened = new SearchFixture(this.dir)) {
			given(this.changes.prunedUpTo()).willReturn(25L);
			given(this.changes.lastSeq()).willReturn(90L);
			assertThat(follower(reopened).resumeAfter()).as("down longer than the log keeps").isEmpty();

			given(this.changes.prunedUpTo()).willReturn(0L);
			given(this.changes.lastSeq()).willReturn(4L);
			assertThat(follower(reopened).resumeAfter()).as("ahead of the database: another or an older one").isEmpty();

			given(this.changes.lastSeq()).willReturn(10L);
			assertThat(follower(reopened).resumeAfter()).isEqualTo(OptionalLong.of(10));
		}
	}

	private IndexFollower follower(SearchFixture fixture) {
		return new IndexFollower(fixture.index, fixture.indexer, fixture.thesaurus, this.changes);
	}

	private static Change change(long seq, Change.Kind kind, Long subject) {
		return new Change(seq, kind, subject, Instant.EPOCH);
	}

}
