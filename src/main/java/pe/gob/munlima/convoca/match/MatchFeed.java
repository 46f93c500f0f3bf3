package pe.gob.munlima.convoca.match;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The stored verdicts for the alerts: what fits today, a call's verdicts, and the reasons
 * in the reader's language. What a digest announced is the alerts' own record (they hear
 * every verdict that moves through {@link MatchJudged}); nothing here remembers it.
 */
@Service
public class MatchFeed {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private static final String COLUMNS = "SELECT id, call_id, project_id, gerencia_id, verdict, reasons, score, "
			+ "first_seen_at, changed_at FROM match ";

	private final JdbcClient jdbc;

	private final ReasonRenderer renderer;

	private final JsonMapper json = JsonMapper.builder().build();

	private final AnswerStore answers;

	MatchFeed(JdbcClient jdbc, ReasonRenderer renderer, AnswerStore answers) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.answers = answers;
	}

	/**
	 * The matches a gerencia answered "no aplica", by id: the digest leaves them out (new
	 * matches, calls closing soon, calls that changed). A pair comes back when its
	 * verdict changes from the one answered, or when the gerencia answers again.
	 */
	public Set<Long> dismissed() {
		return this.answers.dismissedMatchIds();
	}

	/** Every ELIGIBLE and NEEDS_REVIEW match as it stands, best first. */
	public List<MatchedCall> fitting() {
		return this.jdbc.sql(COLUMNS + "WHERE verdict <> 'NOT_ELIGIBLE' ORDER BY score DESC, id")
			.query(this::row)
			.list();
	}

	/**
	 * ELIGIBLE and NEEDS_REVIEW matches first found at or after a moment, newest first:
	 * the Panel's new matches.
	 */
	public List<MatchedCall> firstSeenSince(Instant since) {
		return this.jdbc
			.sql(COLUMNS
					+ "WHERE verdict <> 'NOT_ELIGIBLE' AND first_seen_at >= ? ORDER BY first_seen_at DESC, id DESC")
			.param(Timestamp.from(since))
			.query(this::row)
			.list();
	}

	/** Every verdict stored for one call. */
	public List<MatchedCall> ofCall(long callId) {
		return this.jdbc.sql(COLUMNS + "WHERE call_id = ? ORDER BY id").param(callId).query(this::row).list();
	}

	/** The first {@code limit} reasons, most serious first, as sentences. */
	public List<String> reasons(MatchedCall match, Locale locale, int limit) {
		return this.renderer.render(match.reasons().stream().limit(limit).toList(), locale)
			.stream()
			.map(ReasonRenderer.RenderedReason::message)
			.toList();
	}

	/** These reasons as sentences, in order. */
	public List<String> render(List<Reason> reasons, Locale locale) {
		return this.renderer.render(reasons, locale).stream().map(ReasonRenderer.RenderedReason::message).toList();
	}

	/** "Elegible", "Requiere revisión" ... */
	public String verdictLabel(Verdict verdict, Locale locale) {
		return this.renderer.verdict(verdict.name(), locale);
	}

	private MatchedCall row(ResultSet rs, int n) throws SQLException {
		return new MatchedCall(rs.getLong("id"), rs.getLong("call_id"), rs.getObject("project_id", Long.class),
				rs.getObject("gerencia_id", Long.class), Verdict.valueOf(rs.getString("verdict")), rs.getFloat("score"),
				this.json.readValue(rs.getString("reasons"), REASONS), instant(rs, "first_seen_at"),
				instant(rs, "changed_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
