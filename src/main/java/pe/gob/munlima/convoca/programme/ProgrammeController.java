package pe.gob.munlima.convoca.programme;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Programmes as JSON: {@code GET /api/programmes} (each with its rounds' count and the
 * expected next window), {@code GET /api/programmes/{id}} (rounds, changes, Lima's
 * applications, the forecast in words), {@code GET /api/programmes/soon} (windows
 * expected within the lead time, with the projects they fit); and the office's
 * corrections of the grouping: {@code POST /api/admin/programmes/{id}/split} (rounds out
 * into a programme of their own) and {@code POST /api/admin/programmes/{id}/merge}.
 */
@RestController
class ProgrammeController {

	private final Programmes programmes;

	private final ProgrammeViews views;

	ProgrammeController(Programmes programmes, ProgrammeViews views) {
		this.programmes = programmes;
		this.views = views;
	}

	/**
	 * Programmes with more than one round (a call alone is no programme yet), the most
	 * recently opened first; {@code all=true} lists one-round ones too.
	 */
	@GetMapping("/api/programmes")
	List<ProgrammeViews.ProgrammeSummary> list(
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean all, Locale locale) {
		return this.views.summaries(this.programmes.all(), all, locale);
	}

	@GetMapping("/api/programmes/{id}")
	ProgrammeViews.ProgrammeView programme(@PathVariable long id, Locale locale) {
		return this.programmes.find(id)
			.map(p -> this.views.view(p, locale))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping("/api/programmes/soon")
	List<SoonView> soon(Locale locale) {
		return this.programmes.soon()
			.stream()
			.map(s -> new SoonView(this.views.summary(s.programme(), locale), s.programme().expectation().start(),
					s.programme().expectation().end(),
					s.projects()
						.stream()
						.map(p -> new SoonView.FittingProject(p.id(), p.code(), p.title(), p.gerencia().code()))
						.toList()))
			.toList();
	}

	/** Takes these rounds out into a new programme; answers its id. */
	@PostMapping("/api/admin/programmes/{id}/split")
	Split split(@PathVariable long id, @RequestBody SplitRequest request) {
		return new Split(this.programmes.split(id, request.callIds()));
	}

	/** Makes the other programme's rounds rounds of this one. */
	@PostMapping("/api/admin/programmes/{id}/merge")
	ProgrammeViews.ProgrammeView merge(@PathVariable long id, @RequestBody MergeRequest request, Locale locale) {
		this.programmes.merge(id, request.programmeId());
		return programme(id, locale);
	}

	record SplitRequest(@NotEmpty List<Long> callIds) {

		SplitRequest {
			callIds = callIds == null ? List.of() : List.copyOf(callIds);
		}

	}

	record Split(long programmeId) {
	}

	record MergeRequest(long programmeId) {
	}

	/**
	 * @param start the first day a round counts as the expected window
	 * @param projects the active projects whose subject fits the last round
	 */
	record SoonView(ProgrammeViews.ProgrammeSummary programme, java.time.LocalDate start, java.time.LocalDate end,
			List<FittingProject> projects) {

		record FittingProject(long id, String code, String title, String gerencia) {
		}

	}

}
