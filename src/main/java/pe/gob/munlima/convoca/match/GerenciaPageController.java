package pe.gob.munlima.convoca.match;

import java.util.Locale;

import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.Projects;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A gerencia's page: its competences, its projects, and the calls that fit its
 * competences but none of its projects ("sin proyecto en cartera"): the office's cue to
 * help the gerencia formulate one before the deadline.
 */
@Controller
class GerenciaPageController {

	private final Projects projects;

	private final MatchViews matches;

	GerenciaPageController(Projects projects, MatchViews matches) {
		this.projects = projects;
		this.matches = matches;
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
		model.addAttribute("fitting",
				this.matches.ofGerencia(gerencia.id(), locale).stream().sorted(MatchViews.BEST_FIRST).toList());
		return "gerencias/gerencia";
	}

}
