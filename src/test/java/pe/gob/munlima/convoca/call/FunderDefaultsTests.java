package pe.gob.munlima.convoca.call;

import java.util.List;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The funders' general rules of crawlers/funders.yaml, as shipped. */
class FunderDefaultsTests {

	private final FunderDefaults defaults = FunderDefaults.load(Path.of("crawlers", "funders.yaml"));

	private final SourceInfo feed = new SourceInfo("some-aggregator", "Funding Finder", "en",
			ZoneId.of("America/New_York"), "en-US", SourceInfo.SourceRole.AGGREGATOR);

	@Test
	void aUsFederalCallThatNamesNoPlaceIsForUsApplicants() {
		FunderDefaults.Rule rule = this.defaults.geographyFor(this.feed,
				"https://www.grants.gov/search-results-detail/1", "National Institutes of Health",
				"Research fellowships for audiologists.");

		assertThat(rule.eligibleGeographies()).containsExactly("US");
		assertThat(rule.evidence()).contains("Regla general", "Grants.gov");
	}

	@Test
	void aCallThatAdmitsForeignEntitiesLiftsTheRule() {
		assertThat(this.defaults.geographyFor(this.feed, "https://www.grants.gov/search-results-detail/2",
				"National Institutes of Health",
				"Non-domestic (non-U.S.) entities (foreign institutions) are eligible."))
			.isNull();
	}

	@Test
	void otherFundersHaveNoGeneralRule() {
		assertThat(this.defaults.geographyFor(this.feed, "https://example.org/call", "Fundación Ejemplo",
				"Convocatoria abierta."))
			.isNull();
	}

	@Test
	void aMissingFileMeansNoRules() {
		assertThat(FunderDefaults.load(Path.of("no-such-file.yaml"))
			.geographyFor(this.feed, "https://www.grants.gov/x", "National Science Foundation", "Grants.")).isNull();
	}

}
