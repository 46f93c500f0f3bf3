package pe.gob.munlima.convoca.programme;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The programme pages: {@code /programas} (recurring programmes, the next window of each)
 * and {@code /programas/{id}} (its rounds: opened, closed, amounts, what changed, Lima's
 * applications and awards; the expected next window and the windows that did not come).
 */
@Controller
class ProgrammePageController {

	private final Programmes programmes;

	private final ProgrammeViews views;

	ProgrammePageController(Programmes programmes, ProgrammeViews views) {
		this.programmes = programmes;
		this.views = views;
	}

	@GetMapping("/programas")
	String list(Locale locale, Model model) {
		model.addAttribute("programmes", this.views.summaries(this.programmes.all(), false, locale));
		return "programmes/list";
	}

	@GetMapping("/programas/{id}")
	String programme(@PathVariable long id, Locale locale, Model model) {
		Programme programme = this.programmes.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe el programa " + id));
		model.addAttribute("programme", this.views.view(programme, locale));
		return "programmes/programme";
	}

}
