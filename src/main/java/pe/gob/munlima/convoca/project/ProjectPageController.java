package pe.gob.munlima.convoca.project;

import java.util.List;
import java.util.Locale;

import pe.gob.munlima.convoca.security.AccessControl;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A project's page and a gerencia's page. Each shows its own data (the project's facts
 * and the edit button for whoever may edit it, which the module refuses to the others
 * anyway; the gerencia's competences and projects) and then the sections other modules
 * contribute ({@link ProjectPageSection}, {@link GerenciaPageSection}): the verdicts,
 * what is expected to open soon.
 */
@Controller
class ProjectPageController {

	private final Projects projects;

	private final AccessControl access;

	private final ObjectProvider<ProjectPageSection> projectSections;

	private final ObjectProvider<GerenciaPageSection> gerenciaSections;

	ProjectPageController(Projects projects, AccessControl access, ObjectProvider<ProjectPageSection> projectSections,
			ObjectProvider<GerenciaPageSection> gerenciaSections) {
		this.projects = projects;
		this.access = access;
		this.projectSections = projectSections;
		this.gerenciaSections = gerenciaSections;
	}

	@GetMapping("/proyectos/{id}")
	String project(@PathVariable long id, Locale locale, Model model) {
		ProjectProfile project = this.projects.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe el proyecto " + id));
		model.addAttribute("project", project);
		model.addAttribute("mayEdit", this.access.mayActFor(project.gerencia().code()));
		List<ProjectPageSection> sections = this.projectSections.orderedStream().toList();
		sections.forEach(section -> section.contribute(project, locale, model));
		model.addAttribute("sections", sections.stream().map(ProjectPageSection::fragment).toList());
		return "projects/project";
	}

	@GetMapping("/gerencias/{code}")
	String gerencia(@PathVariable String code, Locale locale, Model model) {
		GerenciaProfile gerencia = this.projects.gerencias()
			.stream()
			.filter(g -> g.code().equalsIgnoreCase(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la gerencia " + code));
		model.addAttribute("gerencia", gerencia);
		model.addAttribute("projects",
				this.projects.active().stream().filter(p -> p.gerencia().id() == gerencia.id()).toList());
		List<GerenciaPageSection> sections = this.gerenciaSections.orderedStream().toList();
		sections.forEach(section -> section.contribute(gerencia, locale, model));
		model.addAttribute("sections", sections.stream().map(GerenciaPageSection::fragment).toList());
		return "gerencias/gerencia";
	}

}
