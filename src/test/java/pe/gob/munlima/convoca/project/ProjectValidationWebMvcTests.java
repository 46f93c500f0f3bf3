package pe.gob.munlima.convoca.project;

import java.nio.file.Path;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import pe.gob.munlima.convoca.call.ThemeThesaurus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The project API refuses malformed projects at the edge, with a 400 problem+json naming
 * the field, and never reaches the portfolio (no database here: {@link Projects} is a
 * mock that must not be called): the project cases of issue 14.
 */
@WebMvcTest(controllers = ProjectController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.WebConfiguration"))
@WithMockUser(roles = "ADMIN")
class ProjectValidationWebMvcTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROJECT = ProjectFixtures.VALID_PROJECT;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Projects projects;

	@Test
	void aNulInATitleIsA400NamingTheField() throws Exception {
		refused(change().put("title", "Ciclovías\u0000 para Lima")).andExpect(field("title"))
			.andExpect(jsonPath("$.detail").value(containsString("title: no debe contener caracteres de control")));
	}

	@Test
	void anEscapeSequenceInAnEditIsA400() throws Exception {
		this.mvc
			.perform(put("/api/projects/7").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(change().put("description", "texto\u001b[31m rojo").toString()))
			.andExpect(status().isBadRequest())
			.andExpect(field("description"));
		then(this.projects).should(never()).update(anyLong(), any());
	}

	@Test
	void budgetsOf1e30And1e400AreRefused() throws Exception {
		refused(PROJECT.replace("\"budget\": 1000000", "\"budget\": 1e30")).andExpect(field("budget"));
		refused(PROJECT.replace("\"budget\": 1000000", "\"budget\": 1e400")).andExpect(field("budget"));
		refused(PROJECT.replace("\"requestedAmount\": 500000", "\"requestedAmount\": -1"))
			.andExpect(field("requestedAmount"));
	}

	@Test
	void anUnknownCurrencyThemeOrLanguageIsRefused() throws Exception {
		refused(change().put("currency", "XYZ")).andExpect(field("currency"))
			.andExpect(jsonPath("$.detail").value(containsString("ISO 4217")));
		ObjectNode theme = change();
		theme.putArray("themes").add("mobility").add("teletransporte");
		refused(theme).andExpect(field("themes[1]"));
		ObjectNode language = change();
		language.putArray("languages").add("klingon");
		refused(language).andExpect(field("languages[0]"));
	}

	@Test
	void aHundredThousandThemesAreRefusedWithAShortAnswer() throws Exception {
		ObjectNode many = change();
		ArrayNode themes = many.putArray("themes");
		Collections.nCopies(100_000, "mobility").forEach(themes::add);
		refused(many).andExpect(field("themes"));

		ObjectNode unknown = change();
		ArrayNode ids = unknown.putArray("themes");
		for (int i = 0; i < 100_000; i++) {
			ids.add("tema-" + i);
		}
		refused(unknown).andExpect(jsonPath("$.errors.length()").value(lessThanOrEqualTo(20)));
	}

	@Test
	void fractionalOrOverflowingMonthsAndMalformedJsonAre400() throws Exception {
		refused(PROJECT.replace("\"durationMonths\": 24", "\"durationMonths\": 1.5"))
			.andExpect(jsonPath("$.detail").value(startsWith("No se pudo leer el cuerpo")));
		refused(PROJECT.replace("\"durationMonths\": 24", "\"durationMonths\": 99999999999999999999"))
			.andExpect(jsonPath("$.title").value("Solicitud no válida"));
		refused("{\"code\": \"P-X\", \"title\": ").andExpect(jsonPath("$.title").value("Solicitud no válida"));
	}

	@Test
	void aTitleOf900KbIsRefused() throws Exception {
		refused(change().put("title", "a".repeat(900 * 1024))).andExpect(field("title"));
	}

	private ResultActions refused(Object body) throws Exception {
		ResultActions result = this.mvc
			.perform(
					post("/api/projects").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		then(this.projects).should(never()).create(any());
		return result;
	}

	private static ResultMatcher field(String name) {
		return jsonPath("$.errors[*].field").value(hasItem(name));
	}

	private static ObjectNode change() {
		return (ObjectNode) JSON.readTree(PROJECT);
	}

	@TestConfiguration
	static class Themes {

		@Bean
		ThemeThesaurus themeThesaurus() {
			return ThemeThesaurus.load(Path.of("reading", "vocabulary.yaml"));
		}

	}

}
