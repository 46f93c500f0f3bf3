package pe.gob.munlima.convoca.project;

import java.util.List;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The portfolio as the API shows it. A refused project (duplicate code, unknown gerencia)
 * and a wrong parameter type are answered by the API's common error handling.
 */
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

	@PostMapping("/projects")
	ResponseEntity<ProjectProfile> create(@Valid @RequestBody ProjectForm form) {
		ProjectProfile created = this.projects.create(form);
		return ResponseEntity.created(URI.create("/api/projects/" + created.id())).body(created);
	}

	@PutMapping("/projects/{id}")
	ProjectProfile update(@PathVariable long id, @Valid @RequestBody ProjectForm form) {
		return this.projects.update(id, form)
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
