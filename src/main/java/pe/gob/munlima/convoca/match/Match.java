package pe.gob.munlima.convoca.match;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored verdict for one call and one project. */
@Entity
@Table(name = "match")
class Match {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "call_id")
	private long callId;

	@Column(name = "project_id")
	private Long projectId;

	@Column(name = "gerencia_id")
	private Long gerenciaId;

	private String verdict;

	/** JSON array of reasons; kept as text so it stays readable in psql. */
	private String reasons;

	private float score;

	@Column(name = "ruleset_version")
	private String ruleSetVersion;

	@Column(name = "first_seen_at")
	private Instant firstSeenAt;

	@Column(name = "changed_at")
	private Instant changedAt;

	protected Match() {
	}

	private Match(long callId, Long projectId, Long gerenciaId, Instant now) {
		this.callId = callId;
		this.projectId = projectId;
		this.gerenciaId = gerenciaId;
		this.firstSeenAt = now;
	}

	static Match forProject(long callId, long projectId, Instant now) {
		return new Match(callId, projectId, null, now);
	}

	static Match forGerencia(long callId, long gerenciaId, Instant now) {
		return new Match(callId, null, gerenciaId, now);
	}

	/**
	 * Records a new assessment.
	 * @return true when the verdict or the reasons changed (changedAt moves only then)
	 */
	boolean record(String verdict, String reasons, float score, String ruleSetVersion, Instant now) {
		boolean changed = !verdict.equals(this.verdict) || !reasons.equals(this.reasons);
		if (changed) {
			this.changedAt = now;
		}
		this.verdict = verdict;
		this.reasons = reasons;
		this.score = score;
		this.ruleSetVersion = ruleSetVersion;
		return changed;
	}

	Long getId() {
		return this.id;
	}

	Long getGerenciaId() {
		return this.gerenciaId;
	}

	long getCallId() {
		return this.callId;
	}

	Long getProjectId() {
		return this.projectId;
	}

	String getVerdict() {
		return this.verdict;
	}

	String getReasons() {
		return this.reasons;
	}

	float getScore() {
		return this.score;
	}

	String getRuleSetVersion() {
		return this.ruleSetVersion;
	}

	Instant getFirstSeenAt() {
		return this.firstSeenAt;
	}

	Instant getChangedAt() {
		return this.changedAt;
	}

}
