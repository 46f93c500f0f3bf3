package pe.gob.munlima.convoca.programme;

import java.util.Locale;

import pe.gob.munlima.convoca.call.CallPageSection;
import pe.gob.munlima.convoca.call.CallView;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The call page's link to the programme the call is a round of, under its title, when the
 * programme has other rounds; and the path of a programme's page, for every link to it.
 */
@Component
class ProgrammeLinks implements CallPageSection {

	private final Programmes programmes;

	ProgrammeLinks(Programmes programmes) {
		this.programmes = programmes;
	}

	@Override
	public Place place() {
		return Place.HEADING;
	}

	@Override
	public String fragment() {
		return "programmes/sections :: call-link";
	}

	@Override
	public int getOrder() {
		return 100;
	}

	@Override
	public void contribute(CallView call, Locale locale, Model model) {
		model.addAttribute("programme", this.programmes.programmeOf(call.id())
			.flatMap(this.programmes::find)
			.filter(programme -> programme.rounds().size() > 1)
			.map(programme -> new ProgrammeLink(programme.name(), programme.rounds().size(), url(programme.id())))
			.orElse(null));
	}

	static String url(long programmeId) {
		return "/programas/" + programmeId;
	}

	/**
	 * @param rounds how many rounds the programme has
	 * @param url the programme's page
	 */
	record ProgrammeLink(String name, int rounds, String url) {
	}

}
