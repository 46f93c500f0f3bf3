package pe.gob.munlima.convoca.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The grouping in PostgreSQL (V80): programmes and the calls that are their rounds. */
@Repository
class ProgrammeStore {

	private static final String ROUND_COLUMNS = "call_id, programme_id, funder_key, reference_stem, programme_name, "
			+ "title_words, source_id, joined_by, score, assigned_at";

	private final JdbcClient jdbc;

	ProgrammeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredRound> round(long callId) {
		return this.jdbc.sql("SELECT " + ROUND_COLUMNS + " FROM programme_round WHERE call_id = ?")
			.param(callId)
			.query(ProgrammeStore::round)
			.optional();
	}

	/** The rounds of a funder's programmes, by programme. */
	Map<Long, List<StoredRound>> ofFunder(String funderKey) {
		Map<Long, List<StoredRound>> byProgramme = new LinkedHashMap<>();
		this.jdbc.sql("SELECT " + ROUND_COLUMNS + " FROM programme_round WHERE funder_key = ? ORDER BY call_id")
			.param(funderKey)
			.query(ProgrammeStore::round)
			.list()
			.forEach(r -> byProgramme.computeIfAbsent(r.programmeId(), id -> new java.util.ArrayList<>()).add(r));
		return byProgramme;
	}

	List<StoredRound> rounds(long programmeId) {
		return this.jdbc
			.sql("SELECT " + ROUND_COLUMNS + " FROM programme_round WHERE programme_id = ? ORDER BY call_id")
			.param(programmeId)
			.query(ProgrammeStore::round)
			.list();
	}

	/** Every round, by programme, programmes in id order. */
	Map<Long, List<StoredRound>> all() {
		Map<Long, List<StoredRound>> byProgramme = new LinkedHashMap<>();
		this.jdbc.sql("SELECT " + ROUND_COLUMNS + " FROM programme_round ORDER BY programme_id, call_id")
			.query(ProgrammeStore::round)
			.list()
			.forEach(r -> byProgramme.computeIfAbsent(r.programmeId(), id -> new java.util.ArrayList<>()).add(r));
		return byProgramme;
	}

	/** The calls already grouped. */
	java.util.Set<Long> groupedCalls() {
		return new java.util.HashSet<>(this.jdbc.sql("SELECT call_id FROM programme_round").query(Long.class).list());
	}

	boolean exists(long programmeId) {
		return this.jdbc.sql("SELECT count(*) FROM programme WHERE id = ?")
			.param(programmeId)
			.query(Long.class)
			.single() > 0;
	}

	long create(String funderKey, Instant now) {
		return this.jdbc.sql("INSERT INTO programme (funder_key, created_at, updated_at) VALUES (?, ?, ?) RETURNING id")
			.params(funderKey, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	void save(StoredRound round) {
		this.jdbc
			.sql("INSERT INTO programme_round (" + ROUND_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
					+ "ON CONFLICT (call_id) DO UPDATE SET programme_id = excluded.programme_id, "
					+ "funder_key = excluded.funder_key, reference_stem = excluded.reference_stem, "
					+ "programme_name = excluded.programme_name, title_words = excluded.title_words, "
					+ "source_id = excluded.source_id, joined_by = excluded.joined_by, score = excluded.score, "
					+ "assigned_at = excluded.assigned_at")
			.params(round.callId(), round.programmeId(), round.features().funderKey(), round.features().referenceStem(),
					round.features().programmeName(), round.features().titleKey(), round.features().sourceId(),
					round.joinedBy().name(), round.score(), Timestamp.from(round.assignedAt()))
			.update();
		touch(round.programmeId(), round.assignedAt());
	}

	void touch(long programmeId, Instant now) {
		this.jdbc.sql("UPDATE programme SET updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), programmeId)
			.update();
	}

	/** Removes programmes left without rounds (after a merge or a split). */
	void dropEmpty() {
		this.jdbc.sql(
				"DELETE FROM programme p WHERE NOT EXISTS (SELECT 1 FROM programme_round r WHERE r.programme_id = p.id)")
			.update();
	}

	private static StoredRound round(ResultSet rs, int row) throws SQLException {
		double score = rs.getDouble("score");
		Double scored = rs.wasNull() ? null : score;
		return new StoredRound(rs.getLong("call_id"), rs.getLong("programme_id"),
				new RoundFeatures(rs.getString("funder_key"), rs.getString("reference_stem"),
						rs.getString("programme_name"), RoundFeatures.fromKey(rs.getString("title_words")),
						rs.getString("source_id")),
				JoinedBy.valueOf(rs.getString("joined_by")), scored, rs.getTimestamp("assigned_at").toInstant());
	}

	/** How a call came to be a round of its programme. */
	enum JoinedBy {

		/** It started the programme: no other round was like it. */
		NEW,
		/** The signals put it there, with {@code score}. */
		SIGNALS,
		/** An administrator split or merged it: the signals never move it again. */
		ADMIN

	}

	record StoredRound(long callId, long programmeId, RoundFeatures features, JoinedBy joinedBy, Double score,
			Instant assignedAt) {
	}

}
