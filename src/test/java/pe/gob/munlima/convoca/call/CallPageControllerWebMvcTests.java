package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.requirement.Requirements;
import pe.gob.munlima.convoca.security.AccessControl;
import pe.gob.munlima.convoca.web.Labels;
import pe.gob.munlima.convoca.web.PeruFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.Model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The call page alone (no database, no module that judges or groups calls): it shows the
 * call and includes whatever sections other modules contribute, where and in the order
 * they ask; a call that does not exist is a 404, and no section is asked about it.
 */
@WebMvcTest(controllers = CallPageController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.WebConfiguration"))
@Import({ Labels.class, PeruFormat.class, CallPageControllerWebMvcTests.Sections.class })
@WithMockUser(roles = "PROJECT_OWNER")
class CallPageControllerWebMvcTests {

	static final CallView CALL = CallView.of(7, "aecid", "Fondo de movilidad urbana", "Para ciudades.",
			Instant.parse("2027-03-15T22:00:00Z"), List.of("mobility"), Requirements.NONE);

	@Autowired
	MockMvc mvc;

	@Autowired
	Sections.Asked asked;

	@MockitoBean
	Calls calls;

	@MockitoBean
	CallVersions versions;

	@MockitoBean
	ChangeMessages changes;

	@MockitoBean
	Corrections corrections;

	@MockitoBean
	AccessControl access;

	@Test
	void aContributedSectionShowsInItsPlaceAndOrderWithWhatItAdded() throws Exception {
		given(this.calls.find(7)).willReturn(Optional.of(CALL));

		String page = this.mvc.perform(get("/convocatorias/7"))
			.andExpect(status().isOk())
			.andExpect(view().name("calls/call"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<h1>Fondo de movilidad urbana</h1>")
			.contains("<p>Secciones de «Fondo de movilidad urbana»</p>")
			.contains("<p id=\"contributed-heading\">Ronda 3</p>");
		// Under the title; in the body after the summary, by order (not by declaration),
		// and before the call's own history.
		assertThat(page.indexOf("contributed-heading")).isLessThan(page.indexOf("call-summary"));
		assertThat(page.indexOf("call-summary")).isLessThan(page.indexOf("contributed-body"));
		assertThat(page.indexOf("contributed-body")).isLessThan(page.indexOf("contributed-later"));
		assertThat(page.indexOf("contributed-later")).isLessThan(page.indexOf("history-heading"));
	}

	@Test
	void aMissingCallIsA404AndAsksNoSection() throws Exception {
		given(this.calls.find(99)).willReturn(Optional.empty());
		this.asked.calls.clear();

		this.mvc.perform(get("/convocatorias/99")).andExpect(status().isNotFound());

		assertThat(this.asked.calls).isEmpty();
	}

	/** Two body sections declared out of order, and one under the title. */
	@TestConfiguration
	static class Sections {

		@Bean
		Asked asked() {
			return new Asked();
		}

		@Bean
		CallPageSection later(Asked asked) {
			return new TestSection(CallPageSection.Place.BODY, "call/test-sections :: later", 200, asked,
					(call, model) -> {
					});
		}

		@Bean
		CallPageSection body(Asked asked) {
			return new TestSection(CallPageSection.Place.BODY, "call/test-sections :: body", 100, asked,
					(call, model) -> model.addAttribute("contributedBody", "Secciones de «" + call.title() + "»"));
		}

		@Bean
		CallPageSection heading(Asked asked) {
			return new TestSection(CallPageSection.Place.HEADING, "call/test-sections :: heading", 100, asked,
					(call, model) -> model.addAttribute("contributedHeading", "Ronda 3"));
		}

		/** The calls the sections were asked about. */
		static class Asked {

			final List<Long> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

		}

		record TestSection(Place place, String fragment, int order, Asked asked,
				java.util.function.BiConsumer<CallView, Model> adds) implements CallPageSection {

			@Override
			public int getOrder() {
				return this.order;
			}

			@Override
			public void contribute(CallView call, Locale locale, Model model) {
				this.asked.calls.add(call.id());
				this.adds.accept(call, model);
			}

		}

	}

}
