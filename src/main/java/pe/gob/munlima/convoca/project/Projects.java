package pe.gob.munlima.convoca.project;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the portfolio for the other modules. */
@Service
@Transactional(readOnly = true)
public class Projects {

	private final ProjectRepository projects;

	private final Gerencias gerencias;

	private final OrganisationProfiles organisation;

	Projects(ProjectRepository projects, Gerencias gerencias, OrganisationProfiles organisation) {
		this.projects = projects;
		this.gerencias = gerencias;
		this.organisation = organisation;
	}

	public List<ProjectProfile> active() {
		return this.projects.findByStatusOrderByIdAsc("ACTIVE").stream().map(Project::toProfile).toList();
	}

	public Optional<ProjectProfile> find(long id) {
		return this.projects.findById(id).map(Project::toProfile);
	}

	public List<GerenciaProfile> gerencias() {
		return this.gerencias.findAll().stream().map(Gerencia::toProfile).toList();
	}

	/** Lima's profile; empty until the organisation has been configured. */
	public Optional<OrganisationProfile> organisation() {
		return this.organisation.findById(OrganisationProfileRow.SINGLETON_ID).map(OrganisationProfileRow::toProfile);
	}

}
