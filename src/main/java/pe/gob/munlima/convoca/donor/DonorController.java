package pe.gob.munlima.convoca.donor;

import java.util.List;

import pe.gob.munlima.convoca.donor.DonorRanking.Ranking;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The donors as JSON: {@code GET /api/donors}, {@code GET /api/donors/{key}} and
 * {@code GET /api/donors/ranking?project=} or {@code ?gerencia=} (who to approach, with
 * the evidence).
 */
@RestController
class DonorController {

	private final Donors donors;

	private final DonorRanking ranking;

	DonorController(Donors donors, DonorRanking ranking) {
		this.donors = donors;
		this.ranking = ranking;
	}

	@GetMapping("/api/donors")
	List<DonorSummary> list() {
		return this.donors.list();
	}

	@GetMapping("/api/donors/ranking")
	Ranking ranking(@RequestParam(required = false) Long project, @RequestParam(required = false) String gerencia,
			java.util.Locale locale) {
		return rank(this.ranking, project, gerencia, locale);
	}

	@GetMapping("/api/donors/{key}")
	DonorProfile donor(@PathVariable String key, java.util.Locale locale) {
		return this.donors.profile(key, locale)
			.orElseThrow(() -> new DonorRefusedException(HttpStatus.NOT_FOUND, "unknownDonor", key));
	}

	/** The ranking asked for, by project or by gerencia; a clear refusal otherwise. */
	static Ranking rank(DonorRanking ranking, Long project, String gerencia, java.util.Locale locale) {
		if (project != null) {
			return ranking.forProject(project, locale)
				.orElseThrow(() -> new DonorRefusedException(HttpStatus.NOT_FOUND, "unknownProject",
						String.valueOf(project)));
		}
		if (gerencia != null && !gerencia.isBlank()) {
			return ranking.forGerencia(gerencia.strip(), locale)
				.orElseThrow(() -> new DonorRefusedException(HttpStatus.NOT_FOUND, "unknownGerencia", gerencia));
		}
		throw new DonorRefusedException(HttpStatus.BAD_REQUEST, "rankingTarget");
	}

}
