package pe.gob.munlima.convoca.project;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads Lima's gerencias and demo portfolio (classpath {@code demo/lima.yaml}) when
 * {@code convoca.demo.enabled} is true (Lima's profile is not demo data:
 * {@link OrganisationSeed}). Rows are looked up by code first, so restarts are idempotent
 * and edits made through the service are never overwritten.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("convoca.demo.enabled")
class DemoPortfolioLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPortfolioLoader.class);

	private final ProjectRepository projects;

	private final Gerencias gerencias;

	private final Clock clock;

	DemoPortfolioLoader(ProjectRepository projects, Gerencias gerencias, Clock clock) {
		this.projects = projects;
		this.gerencias = gerencias;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		DemoFile demo = read();
		int added = 0;
		for (GerenciaSeed seed : demo.gerencias()) {
			if (this.gerencias.findByCode(seed.code()).isEmpty()) {
				this.gerencias.save(new Gerencia(seed.code(), seed.name(), seed.competences(), seed.contactEmail()));
			}
		}
		for (ProjectSeed seed : demo.projects()) {
			if (this.projects.findByCode(seed.code()).isEmpty()) {
				Gerencia gerencia = this.gerencias.findByCode(seed.gerencia())
					.orElseThrow(() -> new IllegalStateException(
							"demo/lima.yaml: project " + seed.code() + " names unknown gerencia " + seed.gerencia()));
				this.projects.save(new Project(seed.code(), gerencia, seed.data(), this.clock.instant()));
				added++;
			}
		}
		log.info("Demo portfolio ready: {} gerencias, {} projects ({} new)", demo.gerencias().size(),
				demo.projects().size(), added);
	}

	private DemoFile read() throws IOException {
		YAMLMapper mapper = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = new ClassPathResource("demo/lima.yaml").getInputStream()) {
			return mapper.readValue(in, DemoFile.class);
		}
	}

	record DemoFile(List<GerenciaSeed> gerencias, List<ProjectSeed> projects) {
	}

	record GerenciaSeed(String code, String name, List<String> competences, String contactEmail) {
	}

	record ProjectSeed(String code, String gerencia, String title, String description, List<String> themes,
			BigDecimal budget, BigDecimal requestedAmount, String currency, BigDecimal coFinancingAvailable,
			int durationMonths, List<String> partners, List<String> languages) {

		ProjectData data() {
			return new ProjectData(this.title, this.description, this.themes, this.budget, this.requestedAmount,
					this.currency, this.coFinancingAvailable, this.durationMonths, this.partners, this.languages);
		}

	}

}
