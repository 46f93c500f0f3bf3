package pe.gob.munlima.convoca.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rule versions, drafts and the audit trail in PostgreSQL. */
@Repository
class RuleStore {

	private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	RuleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void recordVersion(RuleSet set, String by, String action, String note, Instant at) {
		this.jdbc
			.sql("INSERT INTO rule_version (version, files, activated_at, activated_by, action, note) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(set.version(), this.json.writeValueAsString(new TreeMap<>(set.files())), Timestamp.from(at), by,
					action, note)
			.update();
	}

	Optional<RuleVersion> latest() {
		return versions(1).stream().findFirst();
	}

	List<RuleVersion> versions(int limit) {
		return this.jdbc
			.sql("SELECT id, version, activated_at, activated_by, action, note FROM rule_version "
					+ "ORDER BY activated_at DESC, id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new RuleVersion(rs.getLong("id"), rs.getString("version"),
					rs.getTimestamp("activated_at").toInstant(), rs.getString("activated_by"), rs.getString("action"),
					rs.getString("note")))
			.list();
	}

	Optional<Map<String, String>> filesOf(long versionId) {
		return this.jdbc.sql("SELECT files FROM rule_version WHERE id = ?")
			.param(versionId)
			.query(String.class)
			.optional()
			.map(text -> this.json.readValue(text, FILES));
	}

	/** The newest recorded version's id, or empty when none was recorded. */
	Optional<Long> latestId() {
		return this.jdbc.sql("SELECT max(id) FROM rule_version").query(Long.class).optional();
	}

	/** The version (content hash) a recorded activation made active. */
	Optional<String> versionOf(long versionId) {
		return this.jdbc.sql("SELECT version FROM rule_version WHERE id = ?")
			.param(versionId)
			.query(String.class)
			.optional();
	}

	void audit(String actor, String action, String version, String detail, Instant at) {
		this.jdbc.sql("INSERT INTO rule_audit (at, actor, action, version, detail) VALUES (?, ?, ?, ?, ?)")
			.params(Timestamp.from(at), actor, action, version, detail)
			.update();
	}

	List<RuleAudit> auditTrail(int limit) {
		return this.jdbc
			.sql("SELECT at, actor, action, version, detail FROM rule_audit ORDER BY at DESC, id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new RuleAudit(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("version"), rs.getString("detail")))
			.list();
	}

	void saveDraft(String file, String content, String by, Instant at) {
		this.jdbc
			.sql("INSERT INTO rule_draft (file, content, saved_by, saved_at) VALUES (?, ?, ?, ?) "
					+ "ON CONFLICT (file) DO UPDATE SET content = EXCLUDED.content, saved_by = EXCLUDED.saved_by, "
					+ "saved_at = EXCLUDED.saved_at")
			.params(file, content, by, Timestamp.from(at))
			.update();
	}

	boolean deleteDraft(String file) {
		return this.jdbc.sql("DELETE FROM rule_draft WHERE file = ?").param(file).update() > 0;
	}

	void deleteDrafts() {
		this.jdbc.sql("DELETE FROM rule_draft").update();
	}

	/** Drafts by file, content included. */
	Map<String, String> draftContents() {
		Map<String, String> drafts = new LinkedHashMap<>();
		this.jdbc.sql("SELECT file, content FROM rule_draft ORDER BY file")
			.query((rs, n) -> Map.entry(rs.getString("file"), rs.getString("content")))
			.list()
			.forEach(e -> drafts.put(e.getKey(), e.getValue()));
		return drafts;
	}

	List<DraftRow> drafts() {
		return this.jdbc.sql("SELECT file, saved_by, saved_at FROM rule_draft ORDER BY file")
			.query((rs, n) -> new DraftRow(rs.getString("file"), rs.getString("saved_by"),
					rs.getTimestamp("saved_at").toInstant()))
			.list();
	}

	record DraftRow(String file, String savedBy, Instant savedAt) {
	}

}
