package pe.gob.munlima.convoca.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A project in a gerencia's portfolio, the thing that applies to calls. */
@Entity
@Table(name = "project")
class Project {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "gerencia_id")
	private Gerencia gerencia;

	private String title;

	private String description;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> themes = new ArrayList<>();

	private BigDecimal budget;

	@Column(name = "requested_amount")
	private BigDecimal requestedAmount;

	private String currency;

	@Column(name = "co_financing_available")
	private BigDecimal coFinancingAvailable;

	@Column(name = "duration_months")
	private int durationMonths;

	private String status;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> partners = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> languages = new ArrayList<>();

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Project() {
	}

	Project(String code, Gerencia gerencia, ProjectData data, Instant now) {
		this.code = code;
		this.gerencia = gerencia;
		this.status = "ACTIVE";
		this.createdAt = now;
		apply(data, now);
	}

	void apply(ProjectData data, Instant now) {
		this.title = data.title();
		this.description = data.description();
		this.themes = new ArrayList<>(data.themes());
		this.budget = data.budget();
		this.requestedAmount = data.requestedAmount();
		this.currency = data.currency();
		this.coFinancingAvailable = data.coFinancingAvailable();
		this.durationMonths = data.durationMonths();
		this.partners = new ArrayList<>(data.partners());
		this.languages = new ArrayList<>(data.languages());
		this.updatedAt = now;
	}

	void moveTo(Gerencia gerencia) {
		this.gerencia = gerencia;
	}

	String getCode() {
		return this.code;
	}

	boolean isActive() {
		return "ACTIVE".equals(this.status);
	}

	ProjectProfile toProfile() {
		return new ProjectProfile(this.id == null ? 0L : this.id, this.code, this.gerencia.toProfile(), this.title,
				this.description, List.copyOf(this.themes), this.budget, this.requestedAmount, this.currency,
				this.coFinancingAvailable, this.durationMonths, List.copyOf(this.partners),
				List.copyOf(this.languages));
	}

}
