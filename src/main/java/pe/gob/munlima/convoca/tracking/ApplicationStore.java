package pe.gob.munlima.convoca.tracking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import pe.gob.munlima.convoca.match.MatchHold;
import pe.gob.munlima.convoca.match.StoredMatch;
import pe.gob.munlima.convoca.money.Amount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applications, their stage history and their awards in PostgreSQL. Histories are only
 * ever appended to (the database refuses anything else); the stage on the application row
 * is the last entry of its history, kept for queries. Also tells the match module which
 * matches must stay because an application follows them.
 */
@Component
class ApplicationStore implements MatchHold {

	/** The actor of the first history entry: Convoca itself found the match. */
	static final String SYSTEM = "convoca";

	private static final String COLUMNS = "id, match_id, call_id, project_id, stage, stage_since, requested_amount, "
			+ "requested_currency";

	private final JdbcClient jdbc;

	ApplicationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean holds(long matchId) {
		return find(matchId).isPresent();
	}

	Optional<ApplicationRow> find(long matchId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE match_id = ?")
			.param(matchId)
			.query(ApplicationStore::row)
			.optional();
	}

	/**
	 * The match's application, locked until the transaction ends so two changes never
	 * interleave; created in "identificada" (found when the match was) if it did not
	 * exist.
	 */
	ApplicationRow lockOrCreate(StoredMatch match, Instant now) {
		Optional<Long> created = this.jdbc
			.sql("INSERT INTO application (match_id, call_id, project_id, stage, stage_since, created_at) "
					+ "VALUES (?, ?, ?, 'IDENTIFIED', ?, ?) ON CONFLICT (match_id) DO NOTHING RETURNING id")
			.params(match.id(), match.callId(), match.projectId(), Timestamp.from(match.firstSeenAt()),
					Timestamp.from(now))
			.query(Long.class)
			.optional();
		created.ifPresent(id -> appendChange(id, null, Stage.IDENTIFIED, null, null, SYSTEM, match.firstSeenAt()));
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE match_id = ? FOR UPDATE")
			.param(match.id())
			.query(ApplicationStore::row)
			.single();
	}

	void moveTo(long applicationId, Stage stage, Instant at) {
		this.jdbc.sql("UPDATE application SET stage = ?, stage_since = ? WHERE id = ?")
			.params(stage.name(), Timestamp.from(at), applicationId)
			.update();
	}

	void setRequested(long applicationId, Amount requested) {
		this.jdbc.sql("UPDATE application SET requested_amount = ?, requested_currency = ? WHERE id = ?")
			.params(requested.amount(), requested.currency(), applicationId)
			.update();
	}

	void appendChange(long applicationId, Stage from, Stage to, String discardReason, String note, String actor,
			Instant at) {
		this.jdbc
			.sql("INSERT INTO application_stage_change (application_id, from_stage, to_stage, discard_reason, note, "
					+ "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(applicationId, from == null ? null : from.name(), to.name(), discardReason, note, actor,
					Timestamp.from(at))
			.update();
	}

	/** Every stage change, in the order it was recorded. */
	List<StageChangeRow> history(long applicationId) {
		return this.jdbc
			.sql("SELECT from_stage, to_stage, discard_reason, note, changed_by, changed_at "
					+ "FROM application_stage_change WHERE application_id = ? ORDER BY id")
			.param(applicationId)
			.query((rs, n) -> new StageChangeRow(stage(rs.getString("from_stage")), stage(rs.getString("to_stage")),
					rs.getString("discard_reason"), rs.getString("note"), rs.getString("changed_by"),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	void appendAward(long applicationId, Award award) {
		this.jdbc
			.sql("INSERT INTO application_award (application_id, amount, currency, awarded_on, document_type, "
					+ "document_reference, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(applicationId, award.amount(), award.currency(), award.awardedOn(), award.documentType(),
					award.documentReference(), award.recordedBy(), Timestamp.from(award.recordedAt()))
			.update();
	}

	/** The award as last recorded. */
	Optional<Award> award(long applicationId) {
		return this.jdbc
			.sql("SELECT amount, currency, awarded_on, document_type, document_reference, recorded_by, recorded_at "
					+ "FROM application_award WHERE application_id = ? ORDER BY id DESC LIMIT 1")
			.param(applicationId)
			.query(ApplicationStore::award)
			.optional();
	}

	List<ApplicationRow> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM application ORDER BY id").query(ApplicationStore::row).list();
	}

	List<ApplicationRow> inStage(Stage stage) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE stage = ? ORDER BY id")
			.param(stage.name())
			.query(ApplicationStore::row)
			.list();
	}

	/** Every application's stages entered, oldest first, by application id. */
	Map<Long, List<ApplicationRecord.Entered>> allHistories() {
		Map<Long, List<ApplicationRecord.Entered>> histories = new HashMap<>();
		this.jdbc.sql("SELECT application_id, to_stage, changed_at FROM application_stage_change ORDER BY id")
			.query(rs -> {
				histories.computeIfAbsent(rs.getLong("application_id"), id -> new ArrayList<>())
					.add(new ApplicationRecord.Entered(stage(rs.getString("to_stage")),
							rs.getTimestamp("changed_at").toInstant()));
			});
		return histories;
	}

	/** Every application's last award record, by application id. */
	Map<Long, Award> allAwards() {
		Map<Long, Award> awards = new HashMap<>();
		this.jdbc
			.sql("SELECT DISTINCT ON (application_id) application_id, amount, currency, awarded_on, document_type, "
					+ "document_reference, recorded_by, recorded_at FROM application_award "
					+ "ORDER BY application_id, id DESC")
			.query(rs -> {
				awards.put(rs.getLong("application_id"), award(rs, 0));
			});
		return awards;
	}

	private static ApplicationRow row(ResultSet rs, int n) throws SQLException {
		return new ApplicationRow(rs.getLong("id"), rs.getLong("match_id"), rs.getLong("call_id"),
				rs.getLong("project_id"), Stage.valueOf(rs.getString("stage")),
				rs.getTimestamp("stage_since").toInstant(), rs.getBigDecimal("requested_amount"),
				rs.getString("requested_currency"));
	}

	private static Award award(ResultSet rs, int n) throws SQLException {
		return new Award(rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getObject("awarded_on", LocalDate.class), rs.getString("document_type"),
				rs.getString("document_reference"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}

	private static Stage stage(String name) {
		return name == null ? null : Stage.valueOf(name);
	}

	/** An application as stored. */
	record ApplicationRow(long id, long matchId, long callId, long projectId, Stage stage, Instant stageSince,
			BigDecimal requestedAmount, String requestedCurrency) {

		Amount requested() {
			return this.requestedAmount == null ? null : new Amount(this.requestedAmount, this.requestedCurrency);
		}

	}

	/** One entry of the stage history. */
	record StageChangeRow(Stage from, Stage to, String discardReason, String note, String actor, Instant at) {
	}

}
