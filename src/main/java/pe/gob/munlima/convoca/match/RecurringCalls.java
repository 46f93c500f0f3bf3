package pe.gob.munlima.convoca.match;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import pe.gob.munlima.convoca.project.ProjectProfile;

/**
 * Calls as rounds of recurring programmes, for this module's pages: the call page links
 * to the programme a call is a round of, and a project's page announces under "Se abrirán
 * pronto" the expected next windows that fit it. The module that groups and forecasts
 * programmes implements this; the pages show nothing when no implementation is present.
 */
public interface RecurringCalls {

	/** The programme a call is a round of, when it has other rounds. */
	Optional<ProgrammeLink> programmeOf(long callId, Locale locale);

	/** The windows expected soon enough for the project to prepare, that fit it. */
	List<Upcoming> upcomingFor(ProjectProfile project, Locale locale);

	/**
	 * @param rounds how many rounds the programme has
	 * @param url the programme's page
	 */
	record ProgrammeLink(String name, int rounds, String url) {
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
