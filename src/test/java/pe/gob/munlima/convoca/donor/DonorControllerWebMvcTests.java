package pe.gob.munlima.convoca.donor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.donor.DonorProfile.AmountStat;
import pe.gob.munlima.convoca.donor.DonorProfile.Count;
import pe.gob.munlima.convoca.donor.DonorRanking.Evidence;
import pe.gob.munlima.convoca.donor.DonorRanking.RankedDonor;
import pe.gob.munlima.convoca.donor.DonorRanking.Ranking;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The donor API alone (no database, no other module): what it answers for a donor and a
 * ranking, and how it refuses what it cannot answer, in the reader's language.
 */
@WebMvcTest(controllers = DonorController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.WebConfiguration"))
@WithMockUser(roles = "PROJECT_OWNER")
class DonorControllerWebMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Donors donors;

	@MockitoBean
	DonorRanking ranking;

	@Test
	void aDonorIsItsProfileAsJson() throws Exception {
		given(this.donors.profile(org.mockito.ArgumentMatchers.eq("aecid"), org.mockito.ArgumentMatchers.any()))
			.willReturn(Optional.of(new DonorProfile("aecid", "AECID", List.of("AECID", "Aecid"), List.of(), 0,
					List.of(new AmountStat("EUR", 2, new BigDecimal("400000"), new BigDecimal("500000"))),
					List.of(new Count("mobility", 2)), List.of(new Count("LOCAL_GOVERNMENT", 2)), List.of(), 0, null,
					List.of())));

		this.mvc.perform(get("/api/donors/aecid"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("AECID"))
			.andExpect(jsonPath("$.amounts[0].typical").value(400000))
			.andExpect(jsonPath("$.themes[0].id").value("mobility"));
	}

	@Test
	void anUnknownDonorIsA404ProblemInSpanish() throws Exception {
		given(this.donors.profile(org.mockito.ArgumentMatchers.eq("nadie"), org.mockito.ArgumentMatchers.any()))
			.willReturn(Optional.empty());

		this.mvc.perform(get("/api/donors/nadie"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("No hay convocatorias del donante «nadie»."));
	}

	@Test
	void aRankingByProjectListsTheEvidence() throws Exception {
		given(this.ranking.forProject(org.mockito.ArgumentMatchers.eq(7L), org.mockito.ArgumentMatchers.any()))
			.willReturn(Optional.of(new Ranking("Ciclovías", List.of("mobility"), 5,
					List.of(new RankedDonor("aecid", "AECID", 3.0,
							List.of(new Evidence("AWARD", 11, "Fondo de movilidad", List.of(),
									Instant.parse("2027-03-09T00:00:00Z"), 2.0, 0, 0, null)))))));

		this.mvc.perform(get("/api/donors/ranking").param("project", "7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.donors[0].key").value("aecid"))
			.andExpect(jsonPath("$.donors[0].evidence[0].kind").value("AWARD"));
	}

	@Test
	void aRankingWithoutProjectOrGerenciaIsA400AndAsksNothingOfTheRanking() throws Exception {
		this.mvc.perform(get("/api/donors/ranking"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(startsWith("Indique un proyecto (project)")));
		then(this.ranking).should(never())
			.forGerencia(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
	}

	@Test
	void anEnglishReaderIsRefusedInEnglish() throws Exception {
		given(this.ranking.forGerencia(org.mockito.ArgumentMatchers.eq("GXX"), org.mockito.ArgumentMatchers.any()))
			.willReturn(Optional.empty());

		this.mvc.perform(get("/api/donors/ranking").param("gerencia", "GXX").header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no gerencia \"GXX\"."));
	}

}
