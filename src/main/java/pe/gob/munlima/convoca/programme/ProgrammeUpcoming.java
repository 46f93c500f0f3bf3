package pe.gob.munlima.convoca.programme;

import java.util.Locale;

import pe.gob.munlima.convoca.project.ProjectPageSection;
import pe.gob.munlima.convoca.project.ProjectProfile;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A project page's "Se abrirán pronto": calls not yet published, the expected windows of
 * the programmes that fit the project and open soon enough to prepare. Above the verdicts
 * of the calls already published.
 */
@Component
class ProgrammeUpcoming implements ProjectPageSection {

	private final Programmes programmes;

	private final ProgrammeViews views;

	ProgrammeUpcoming(Programmes programmes, ProgrammeViews views) {
		this.programmes = programmes;
		this.views = views;
	}

	@Override
	public String fragment() {
		return "programmes/sections :: upcoming";
	}

	@Override
	public int getOrder() {
		return 50;
	}

	@Override
	public void contribute(ProjectProfile project, Locale locale, Model model) {
		model.addAttribute("upcoming",
				this.programmes.soon()
					.stream()
					.filter(soon -> soon.projects().stream().anyMatch(p -> p.id() == project.id()))
					.map(soon -> new Upcoming(soon.programme().name(), soon.programme().funder(),
							this.views.expectation(soon.programme(), locale),
							this.views.confidence(soon.programme(), locale), ProgrammeLinks.url(soon.programme().id())))
					.toList());
	}

	/**
	 * @param title the programme's name
	 * @param sentence when it is expected ("Abrió en marzo en 2023, 2024 y 2025: se
	 * espera en marzo de 2026.")
	 * @param confidence how regular its history is, in words
	 * @param url the programme's page
	 */
	record Upcoming(String title, String funder, String sentence, String confidence, String url) {
	}

}
