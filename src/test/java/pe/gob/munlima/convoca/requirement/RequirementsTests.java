package pe.gob.munlima.convoca.requirement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The requirements model read, written, merged and walked by the names of its facts: what
 * lets a new criterion live in one record instead of fourteen files.
 */
class RequirementsTests {

	@Test
	void factsAreNamedOnceAndWalkedInTheModelsOrder() {
		Requirements requirements = Requirements.of(
				Map.of("networkRequired", "C40", "applicantTypes", List.of("LOCAL_GOVERNMENT"), "durationMonthsMax", 24,
						"currency", "EUR", "amountMax", 50_000),
				Map.of("networkRequired", "Solo miembros de C40.", "amountMax", "Hasta EUR 50.000."));

		assertThat(requirements.stated()).extracting(RequirementFacts.Stated::name)
			.containsExactly("applicantTypes", "amountMax", "durationMonthsMax", "networkRequired");
		assertThat(requirements.stated()).extracting(RequirementFacts.Stated::group)
			.containsExactly("applicants", "money", "timing", "partners");
		assertThat(requirements.partners().networkRequired()).isEqualTo(new Fact<>("C40", "Solo miembros de C40."));
		assertThat(requirements.money().max()).isEqualByComparingTo("50000");
		assertThat(requirements.<Integer>value("durationMonthsMax")).isEqualTo(24);
		assertThat(requirements.evidence("amountMax")).isEqualTo("Hasta EUR 50.000.");
		assertThat(requirements.evidence("populationMin")).isNull();
		assertThat(RequirementFacts.names()).doesNotHaveDuplicates().contains("restrictedThemes", "standing");
	}

	@Test
	void aNameNoFactHasOrAValueOfTheWrongKindIsRefusedNotIgnored() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Requirements.of(Map.of("netwrokRequired", "C40"), Map.of()))
			.withMessageContaining("netwrokRequired");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Requirements.of(Map.of("durationMonthsMax", 1.5), Map.of()))
			.withMessageContaining("durationMonthsMax");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Requirements.of(Map.of("applicantTypes", "NGO"), Map.of()))
			.withMessageContaining("applicantTypes");
		assertThatIllegalArgumentException().isThrownBy(() -> Requirements.NONE.value("nothing"));
	}

	@Test
	void anEmptyListIsNotAStatement() {
		Requirements requirements = Requirements.of(Map.of("applicantTypes", List.of()), Map.of("applicantTypes", "…"));

		assertThat(requirements.applicants().applicantTypes()).isNull();
		assertThat(requirements.stated()).isEmpty();
	}

	@Test
	void theFirstSourceThatStatesAFactWinsAndMoneyComesTogetherFromOneSource() {
		Requirements funder = Requirements.of(Map.of("applicantTypes", List.of("LOCAL_GOVERNMENT")),
				Map.of("applicantTypes", "funder"));
		Requirements aggregator = Requirements.of(Map.of("applicantTypes", List.of("NGO"), "networkRequired", "C40",
				"amountMax", 80_000, "currency", "USD"), Map.of("networkRequired", "aggregator"));
		Requirements third = Requirements.of(Map.of("amountMin", 1_000, "currency", "EUR"), Map.of());

		Requirements merged = Requirements.merge(List.of(funder, aggregator, third));

		assertThat(merged.<List<String>>value("applicantTypes")).containsExactly("LOCAL_GOVERNMENT");
		assertThat(merged.evidence("applicantTypes")).isEqualTo("funder");
		assertThat(merged.<String>value("networkRequired")).isEqualTo("C40");
		assertThat(merged.money().max()).isEqualByComparingTo("80000");
		assertThat(merged.money().currency()).isEqualTo("USD");
		// Another source's minimum in another currency never joins the USD maximum.
		assertThat(merged.money().min()).isNull();
	}

	@Test
	void theJsonOfTheColumnReadsBackAsTheSameRequirements() {
		JsonMapper json = JsonMapper.builder().build();
		Requirements requirements = Requirements.of(
				Map.of("eligibleGeographies", List.of("PE", "LATAM"), "eligibleGeographiesNamed", List.of("PE"),
						"coFinancingPct", new BigDecimal("20"), "standing", true, "populationMax", 500_000L),
				Map.of("eligibleGeographies", "Ciudades del Perú.", "standing", "Ventanilla abierta."));

		Requirements read = json.readValue(json.writeValueAsString(requirements), Requirements.class);

		assertThat(read).isEqualTo(requirements);
		assertThat(json.readValue("{}", Requirements.class)).isEqualTo(Requirements.NONE);
	}

}
