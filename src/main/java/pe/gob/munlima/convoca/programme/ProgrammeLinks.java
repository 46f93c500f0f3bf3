package pe.gob.munlima.convoca.programme;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import pe.gob.munlima.convoca.match.RecurringCalls;
import pe.gob.munlima.convoca.project.ProjectProfile;

import org.springframework.stereotype.Component;

/**
 * What the match module's pages show of programmes: the call page's link to its programme
 * (when it has other rounds), and a project's "Se abrirán pronto".
 */
@Component
class ProgrammeLinks implements RecurringCalls {

	private final Programmes programmes;

	private final ProgrammeViews views;

	ProgrammeLinks(Programmes programmes, ProgrammeViews views) {
		this.programmes = programmes;
		this.views = views;
	}

	@Override
	public Optional<ProgrammeLink> programmeOf(long callId, Locale locale) {
		return this.programmes.programmeOf(callId)
			.flatMap(this.programmes::find)
			.filter(programme -> programme.rounds().size() > 1)
			.map(programme -> new ProgrammeLink(programme.name(), programme.rounds().size(), url(programme.id())));
	}

	@Override
	public List<Upcoming> upcomingFor(ProjectProfile project, Locale locale) {
		return this.programmes.soon()
			.stream()
			.filter(soon -> soon.projects().stream().anyMatch(p -> p.id() == project.id()))
			.map(soon -> new Upcoming(soon.programme().name(), soon.programme().funder(),
					this.views.expectation(soon.programme(), locale), this.views.confidence(soon.programme(), locale),
					url(soon.programme().id())))
			.toList();
	}

	static String url(long programmeId) {
		return "/programas/" + programmeId;
	}

}
