package pe.gob.munlima.convoca.project;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.TestWorkspace;
import pe.gob.munlima.convoca.call.ThemeThesaurus;
import pe.gob.munlima.convoca.security.AccessControl;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.willThrow;

/**
 * The project module on its own (Spring Modulith's module test: only its beans, the
 * embedded database, and the other modules it needs replaced by mocks): the portfolio
 * stores projects and announces each change with {@link ProjectChanged}, which is all the
 * matcher needs to know; a refused project is neither stored nor announced.
 */
@ApplicationModuleTest(extraIncludes = "db")
class ProjectModuleTests {

	static final Path WORK = TestWorkspace.create("convoca-project-module");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
		registry.add("convoca.demo.enabled", () -> "false");
	}

	@MockitoBean
	ThemeThesaurus themes;

	@MockitoBean
	AccessControl access;

	@Autowired
	Projects projects;

	@Autowired
	Gerencias gerencias;

	@BeforeEach
	void gerencia() {
		if (this.gerencias.findByCode("GMU").isEmpty()) {
			this.gerencias.save(new Gerencia("GMU", "Gerencia de Movilidad Urbana", List.of("mobility"), null));
		}
	}

	@Test
	void withoutDemoDataLimasProfileIsThereFromTheFirstStart() {
		assertThat(this.projects.organisation()).hasValueSatisfying(profile -> {
			assertThat(profile.name()).isEqualTo("Municipalidad Metropolitana de Lima");
			assertThat(profile.applicantType()).isEqualTo("LOCAL_GOVERNMENT");
			assertThat(profile.country()).isEqualTo("PE");
			assertThat(profile.networks()).contains("C40");
		});
	}

	@Test
	void aNewProjectIsStoredAndAnnounced(AssertablePublishedEvents events) {
		ProjectProfile created = this.projects.create(form("P-MOD-1"));

		assertThat(this.projects.find(created.id())).hasValueSatisfying(project -> {
			assertThat(project.gerencia().code()).isEqualTo("GMU");
			assertThat(project.themes()).containsExactly("mobility");
		});
		assertThat(events.ofType(ProjectChanged.class)).extracting(ProjectChanged::projectId)
			.containsExactly(created.id());
	}

	@Test
	void anEditIsAnnouncedAndAnUnknownProjectIsNot(AssertablePublishedEvents events) {
		ProjectProfile created = this.projects.create(form("P-MOD-2"));
		ProjectForm edited = form("P-MOD-2");

		assertThat(this.projects.update(created.id(), edited)).isPresent();
		assertThat(this.projects.update(987_654L, edited)).isEmpty();
		assertThat(events.ofType(ProjectChanged.class)).hasSize(2)
			.allSatisfy(event -> assertThat(event.projectId()).isEqualTo(created.id()));
	}

	@Test
	void aDuplicateCodeIsRefusedAndNotAnnounced(AssertablePublishedEvents events) {
		this.projects.create(form("P-MOD-3"));

		assertThatThrownBy(() -> this.projects.create(form("P-MOD-3"))).isInstanceOf(ProjectRejectedException.class)
			.satisfies(
					ex -> assertThat(((ProjectRejectedException) ex).getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
		assertThat(events.ofType(ProjectChanged.class)).hasSize(1);
	}

	@Test
	void aProjectOfAnotherGerenciaIsRefusedBeforeAnythingIsStored(AssertablePublishedEvents events) {
		willThrow(new ResponseStatusException(HttpStatus.FORBIDDEN)).given(this.access).checkActFor("GMU");

		assertThatThrownBy(() -> this.projects.create(form("P-MOD-4"))).isInstanceOf(ResponseStatusException.class);
		assertThat(this.projects.active()).noneMatch(project -> project.code().equals("P-MOD-4"));
		assertThat(events.ofType(ProjectChanged.class)).isEmpty();
	}

	private static ProjectForm form(String code) {
		return new ProjectForm(code, "GMU", "Ciclovías de prueba " + code, "Red de ciclovías.", List.of("mobility"),
				new BigDecimal("1000000"), new BigDecimal("500000"), "PEN", new BigDecimal("100000"), 24, List.of(),
				List.of("es"));
	}

}
