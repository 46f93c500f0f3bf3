package pe.gob.munlima.convoca.match;

import java.util.Locale;

import pe.gob.munlima.convoca.project.GerenciaPageSection;
import pe.gob.munlima.convoca.project.GerenciaProfile;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The gerencia page's calls that fit its competences but none of its projects ("sin
 * proyecto en cartera"): the office's cue to help the gerencia formulate one before the
 * deadline. Best verdicts first.
 */
@Component
class GerenciaVerdicts implements GerenciaPageSection {

	private final MatchViews matches;

	GerenciaVerdicts(MatchViews matches) {
		this.matches = matches;
	}

	@Override
	public String fragment() {
		return "matches/sections :: gerencia";
	}

	@Override
	public int getOrder() {
		return 100;
	}

	@Override
	public void contribute(GerenciaProfile gerencia, Locale locale, Model model) {
		model.addAttribute("fitting",
				this.matches.ofGerencia(gerencia.id(), locale).stream().sorted(MatchViews.BEST_FIRST).toList());
	}

}
