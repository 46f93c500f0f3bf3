package pe.gob.munlima.convoca.project;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import pe.gob.munlima.convoca.security.AccessControl;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the portfolio for the other modules. */
@Service
@Transactional(readOnly = true)
public class Projects {

	private final ProjectRepository projects;

	private final Gerencias gerencias;

	private final OrganisationProfiles organisation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AccessControl access;

	Projects(ProjectRepository projects, Gerencias gerencias, OrganisationProfiles organisation,
			ApplicationEventPublisher events, Clock clock, AccessControl access) {
		this.projects = projects;
		this.gerencias = gerencias;
		this.organisation = organisation;
		this.events = events;
		this.clock = clock;
		this.access = access;
	}

	/**
	 * Creates a project; it is matched against the open calls once the transaction
	 * commits. A project owner may create projects of its own gerencia only (403
	 * otherwise), whether through the API or a page.
	 */
	@Transactional
	public ProjectProfile create(ProjectForm form) {
		this.access.checkActFor(form.gerencia());
		if (this.projects.findByCode(form.code()).isPresent()) {
			throw new ProjectRejectedException(HttpStatus.CONFLICT, "code", "duplicateCode", form.code());
		}
		Project project = this.projects
			.save(new Project(form.code(), gerencia(form.gerencia()), form.data(), this.clock.instant()));
		this.events.publishEvent(new ProjectChanged(project.toProfile().id()));
		return project.toProfile();
	}

	/**
	 * Edits a project; its matches are judged again. A project owner may edit only its
	 * own gerencia's projects, and not move one to another gerencia.
	 */
	@Transactional
	public Optional<ProjectProfile> update(long id, ProjectForm form) {
		return this.projects.findById(id).map(project -> {
			this.access.checkActFor(project.toProfile().gerencia().code());
			this.access.checkActFor(form.gerencia());
			project.apply(form.data(), this.clock.instant());
			project.moveTo(gerencia(form.gerencia()));
			this.events.publishEvent(new ProjectChanged(id));
			return project.toProfile();
		});
	}

	/** The profile an unsaved project would have, to check it against the calls. */
	public ProjectProfile preview(ProjectForm form) {
		return new Project(form.code(), gerencia(form.gerencia()), form.data(), this.clock.instant()).toProfile();
	}

	private Gerencia gerencia(String code) {
		return this.gerencias.findByCode(code)
			.orElseThrow(() -> new ProjectRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "gerencia",
					"unknownGerencia", code));
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
