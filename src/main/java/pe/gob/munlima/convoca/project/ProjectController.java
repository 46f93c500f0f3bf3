package pe.gob.munlima.convoca.project;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The portfolio as the API shows it. */
@RestController
@RequestMapping("/api")
class ProjectController {

	private final Projects projects;

	ProjectController(Projects projects) {
		this.projects = projects;
	}

	@GetMapping("/projects")
	List<ProjectProfile> projects() {
		return this.projects.active();
	}

	@GetMapping("/projects/{id}")
	ProjectProfile project(@PathVariable long id) {
		return this.projects.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe el proyecto " + id));
	}

	@GetMapping("/gerencias")
	List<GerenciaProfile> gerencias() {
		return this.projects.gerencias();
	}

	@GetMapping("/organisation")
	OrganisationProfile organisation() {
		return this.projects.organisation()
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Perfil institucional no configurado"));
	}

}
