package pe.gob.munlima.convoca.project;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The single row of organisation_profile. */
@Entity
@Table(name = "organisation_profile")
class OrganisationProfileRow {

	static final long SINGLETON_ID = 1L;

	@Id
	private Long id;

	private String name;

	@Column(name = "applicant_type")
	private String applicantType;

	private String country;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> geographies = new ArrayList<>();

	@Column(name = "income_group")
	private String incomeGroup;

	private long population;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "sister_cities")
	private List<String> sisterCities = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> networks = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> registrations = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> languages = new ArrayList<>();

	protected OrganisationProfileRow() {
	}

	OrganisationProfileRow(OrganisationProfile profile) {
		this.id = SINGLETON_ID;
		this.name = profile.name();
		this.applicantType = profile.applicantType();
		this.country = profile.country();
		this.geographies = new ArrayList<>(profile.geographies());
		this.incomeGroup = profile.incomeGroup();
		this.population = profile.population();
		this.sisterCities = new ArrayList<>(profile.sisterCities());
		this.networks = new ArrayList<>(profile.networks());
		this.registrations = new ArrayList<>(profile.registrations());
		this.languages = new ArrayList<>(profile.languages());
	}

	OrganisationProfile toProfile() {
		return new OrganisationProfile(this.name, this.applicantType, this.country, List.copyOf(this.geographies),
				this.incomeGroup, this.population, List.copyOf(this.sisterCities), List.copyOf(this.networks),
				List.copyOf(this.registrations), List.copyOf(this.languages));
	}

}
