package pe.gob.munlima.convoca.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The call_follow table: who follows which call. */
@Repository
class Follows {

	private final JdbcClient jdbc;

	Follows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void follow(String username, long callId, Instant at) {
		this.jdbc.sql("INSERT INTO call_follow (username, call_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(username, callId, Timestamp.from(at))
			.update();
	}

	void unfollow(String username, long callId) {
		this.jdbc.sql("DELETE FROM call_follow WHERE username = ? AND call_id = ?").params(username, callId).update();
	}

	List<String> followersOf(long callId) {
		return this.jdbc.sql("SELECT username FROM call_follow WHERE call_id = ? ORDER BY username")
			.param(callId)
			.query(String.class)
			.list();
	}

	List<Long> followedBy(String username) {
		return this.jdbc.sql("SELECT call_id FROM call_follow WHERE username = ? ORDER BY created_at DESC")
			.param(username)
			.query(Long.class)
			.list();
	}

}
