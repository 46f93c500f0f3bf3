package pe.gob.munlima.convoca.iati;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import pe.gob.munlima.convoca.problem.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A donor's IATI activities as JSON, for any logged-in user: what it funds by theme,
 * sector and location, and its activities in pipeline. The donor pages are built on it.
 */
@RestController
class DonorActivitiesController {

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

	private static final Pattern REGION = Pattern.compile("\\d{1,4}");

	private final IatiActivities activities;

	DonorActivitiesController(IatiActivities activities) {
		this.activities = activities;
	}

	/**
	 * @param funder a funder id or alias (AECID, EU, USAID), or an IATI organisation
	 * identifier or name
	 * @param country recipient countries (ISO alpha-2), repeated; PE when neither
	 * country, region nor latinAmerica is given
	 * @param region recipient regions (IATI Region codes), repeated
	 * @param latinAmerica adds every Latin-American country and region
	 * @param since activities ending on or after this day, transactions dated on or after
	 * it
	 */
	@GetMapping("/api/donors/activities")
	Answer activities(@RequestParam(required = false) String funder,
			@RequestParam(required = false) List<String> country, @RequestParam(required = false) List<String> region,
			@RequestParam(defaultValue = "false") boolean latinAmerica,
			@RequestParam(required = false) LocalDate since) {
		if (funder == null || funder.isBlank() || funder.length() > 200) {
			throw new DonorQueryRefusal("funder");
		}
		Set<String> countries = new LinkedHashSet<>();
		for (String code : country == null ? List.<String>of() : country) {
			if (!COUNTRY.matcher(code).matches()) {
				throw new DonorQueryRefusal("country", code);
			}
			countries.add(code.toUpperCase(Locale.ROOT));
		}
		Set<String> regions = new LinkedHashSet<>();
		for (String code : region == null ? List.<String>of() : region) {
			if (!REGION.matcher(code).matches()) {
				throw new DonorQueryRefusal("region", code);
			}
			regions.add(code);
		}
		if (latinAmerica) {
			countries.addAll(this.activities.latinAmericanCountries());
			regions.addAll(this.activities.latinAmericanRegions());
		}
		if (countries.isEmpty() && regions.isEmpty()) {
			countries.add("PE");
		}
		return new Answer(this.activities.fundingOf(funder, countries, regions, since),
				this.activities.pipeline(funder, countries, regions));
	}

	/**
	 * @param funding what the donor funds there
	 * @param pipeline its activities in pipeline/identification there (early warning)
	 */
	record Answer(DonorFunding funding, List<DonorFunding.PipelineActivity> pipeline) {
	}

	/** A query the endpoint cannot answer: the message names the parameter. */
	static class DonorQueryRefusal extends Refusal {

		DonorQueryRefusal(String code, Object... arguments) {
			super(HttpStatus.BAD_REQUEST, "donors", code, arguments);
		}

	}

}
