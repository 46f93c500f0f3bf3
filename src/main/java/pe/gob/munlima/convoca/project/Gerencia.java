package pe.gob.munlima.convoca.project;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A department of the municipality and the themes it is competent for. */
@Entity
@Table(name = "gerencia")
class Gerencia {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> competences = new ArrayList<>();

	@Column(name = "contact_email")
	private String contactEmail;

	protected Gerencia() {
	}

	Gerencia(String code, String name, List<String> competences, String contactEmail) {
		this.code = code;
		this.name = name;
		this.competences = new ArrayList<>(competences);
		this.contactEmail = contactEmail;
	}

	Long getId() {
		return this.id;
	}

	String getCode() {
		return this.code;
	}

	String getName() {
		return this.name;
	}

	List<String> getCompetences() {
		return this.competences;
	}

	String getContactEmail() {
		return this.contactEmail;
	}

	GerenciaProfile toProfile() {
		return new GerenciaProfile(this.id, this.code, this.name, List.copyOf(this.competences), this.contactEmail);
	}

}
