package pe.gob.munlima.convoca.project;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.security.AccessControl;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portfolio's pages: the list of projects (by gerencia), and the form to create or
 * edit one. Who may write is decided by {@link Projects} (a project owner only for its
 * gerencia), so a form posted by hand is refused exactly as the API refuses it; the pages
 * only spare the user a button that would be refused. A project's own page is
 * {@link ProjectPageController}'s.
 */
@Controller
class ProjectPagesController {

	static final String FORM = "projects/form";

	private final Projects projects;

	private final ProjectFormSupport support;

	private final AccessControl access;

	ProjectPagesController(Projects projects, ProjectFormSupport support, AccessControl access) {
		this.projects = projects;
		this.support = support;
		this.access = access;
	}

	@GetMapping("/proyectos")
	String list(@RequestParam(required = false) String gerencia, Model model) {
		String chosen = gerencia == null || gerencia.isBlank() ? null : gerencia.strip();
		List<ProjectProfile> shown = this.projects.active()
			.stream()
			.filter(project -> chosen == null || project.gerencia().code().equals(chosen))
			.toList();
		List<GerenciaProfile> gerencias = this.projects.gerencias();
		model.addAttribute("projects", shown);
		model.addAttribute("gerencias", gerencias);
		model.addAttribute("gerencia", chosen == null ? null
				: gerencias.stream().filter(g -> g.code().equals(chosen)).findFirst().orElse(null));
		model.addAttribute("mayCreate", !this.support.choices(true).gerencias().isEmpty());
		return "projects/list";
	}

	@GetMapping("/proyectos/nuevo")
	String newProject(Model model) {
		return form(this.support.blank(), null, model);
	}

	@PostMapping("/proyectos/nuevo")
	String create(@ModelAttribute("project") ProjectFields fields, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		ProjectForm form = this.support.validate(fields, binding);
		if (form == null) {
			return form(fields, null, model);
		}
		try {
			ProjectProfile created = this.projects.create(form);
			redirect.addFlashAttribute("saved", "created");
			return "redirect:/proyectos/" + created.id();
		}
		catch (ProjectRejectedException refused) {
			this.support.reject(refused, binding);
			return form(fields, null, model);
		}
	}

	@GetMapping("/proyectos/{id}/editar")
	String edit(@PathVariable long id, Model model) {
		ProjectProfile project = project(id);
		// Refused here already (403 page), not only when the form comes back.
		this.access.checkActFor(project.gerencia().code());
		return form(ProjectFields.of(project), project, model);
	}

	@PostMapping("/proyectos/{id}/editar")
	String update(@PathVariable long id, @ModelAttribute("project") ProjectFields fields, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		ProjectProfile project = project(id);
		this.access.checkActFor(project.gerencia().code());
		// The code names the project in other systems: it is not edited here.
		fields.setCode(project.code());
		ProjectForm form = this.support.validate(fields, binding);
		if (form == null) {
			return form(fields, project, model);
		}
		try {
			this.projects.update(id, form);
			redirect.addFlashAttribute("saved", "updated");
			return "redirect:/proyectos/" + id;
		}
		catch (ProjectRejectedException refused) {
			this.support.reject(refused, binding);
			return form(fields, project, model);
		}
	}

	@GetMapping("/gerencias")
	String gerencias(Model model) {
		Map<String, Long> projectsPerGerencia = this.projects.active()
			.stream()
			.collect(Collectors.groupingBy(project -> project.gerencia().code(), Collectors.counting()));
		model.addAttribute("gerencias", this.projects.gerencias());
		model.addAttribute("projectCounts", projectsPerGerencia);
		return "gerencias/list";
	}

	/**
	 * @param existing the project being edited, or null for a new one
	 */
	private String form(ProjectFields fields, ProjectProfile existing, Model model) {
		model.addAttribute("project", fields);
		model.addAttribute("existing", existing);
		model.addAttribute("choices", this.support.choices(true));
		return FORM;
	}

	private ProjectProfile project(long id) {
		return this.projects.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe el proyecto " + id));
	}

}
