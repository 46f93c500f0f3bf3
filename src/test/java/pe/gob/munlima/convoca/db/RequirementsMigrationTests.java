package pe.gob.munlima.convoca.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.requirement.Requirements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading a database of the nineteen criterion columns to the one requirements document
 * (V71) keeps every fact a call had, with its sentence, in the stored call and in what
 * each source said, so the next merge of sources loses nothing either.
 */
class RequirementsMigrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path data;

	@Test
	void everyCriterionAndItsSentenceSurviveTheMoveIntoOneDocument() throws Exception {
		try (EmbeddedPostgres postgres = new EmbeddedDatabaseConfiguration()
			.embeddedPostgres(new EmbeddedDatabaseProperties(this.data, false))) {
			Flyway before = Flyway.configure().dataSource(postgres.getPostgresDatabase()).target("61").load();
			before.migrate();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute(
						"""
								INSERT INTO call (id, stable_key, source_id, external_id, funder, title, summary, summary_text,
								    status, amount_min, amount_max, currency, co_financing_pct, applicant_types,
								    eligible_geographies, themes, network_required, duration_months_max, population_max,
								    instrument, evidence, content_hash, first_seen_at, last_seen_at, updated_at)
								VALUES (1, 'fondo:1', 'fondo', '1', 'Fondo', 'Ciudades', '', '', 'OPEN', 10000, 50000, 'EUR',
								    20, '{LOCAL_GOVERNMENT}', '{LATAM}', '{mobility}', 'UCLG', 24, 500000, 'GRANT',
								    '{"applicantTypes": "Pueden postular municipios.", "applicantTypesNamed": "LOCAL_GOVERNMENT",
								      "amount": "Hasta EUR 50.000.", "network": "Solo miembros de CGLU.",
								      "networkIndirect": "Miembros directos o indirectos.", "duration": "24 meses como máximo.",
								      "population": "Ciudades de hasta 500.000 habitantes.", "standing": "Ventanilla abierta.",
								      "themeRestriction": "Solo movilidad.", "deadline": "Cierre: 15/03/2027."}',
								    'h', now(), now(), now())""");
				statement.execute("""
						INSERT INTO call_source (call_id, source_id, external_id, role, normalised, first_seen_at,
						    last_seen_at)
						VALUES (1, 'fondo', '1', 'FUNDER', '{"stableKey": "fondo:1", "title": "Ciudades",
						    "amountMax": 50000, "currency": "EUR", "applicantTypes": ["LOCAL_GOVERNMENT"],
						    "networkRequired": "UCLG", "themes": ["mobility"], "keyDates": [],
						    "evidence": {"amount": "Hasta EUR 50.000.", "network": "Solo miembros de CGLU.",
						                 "deadline": "Cierre: 15/03/2027."}}', now(), now())""");
			}
			Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();

			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				ResultSet call = statement.executeQuery("SELECT requirements, evidence FROM call WHERE id = 1");
				call.next();
				Requirements stored = JSON.readValue(call.getString(1), Requirements.class);
				assertThat(stored.<List<String>>value("applicantTypes")).containsExactly("LOCAL_GOVERNMENT");
				assertThat(stored.evidence("applicantTypes")).isEqualTo("Pueden postular municipios.");
				assertThat(stored.<List<String>>value("applicantTypesNamed")).containsExactly("LOCAL_GOVERNMENT");
				assertThat(stored.money().max()).isEqualByComparingTo("50000");
				assertThat(stored.money().min()).isEqualByComparingTo("10000");
				assertThat(stored.money().currency()).isEqualTo("EUR");
				assertThat(stored.evidence("amountMax")).isEqualTo("Hasta EUR 50.000.");
				assertThat(stored.<String>value("networkRequired")).isEqualTo("UCLG");
				assertThat(stored.<Boolean>value("indirectMembers")).isTrue();
				assertThat(stored.<Integer>value("durationMonthsMax")).isEqualTo(24);
				assertThat(stored.<Long>value("populationMax")).isEqualTo(500_000L);
				assertThat(stored.evidence("populationMax")).isEqualTo("Ciudades de hasta 500.000 habitantes.");
				assertThat(stored.<Boolean>value("standing")).isTrue();
				assertThat(stored.<List<String>>value("restrictedThemes")).containsExactly("mobility");
				assertThat(stored.<String>value("instrument")).isEqualTo("GRANT");
				assertThat(stored.<List<String>>value("eligibleGeographies")).containsExactly("LATAM");
				assertThat(stored.<Object>value("excludedCountries")).isNull();
				// What is not a requirement keeps its sentence in the evidence map.
				assertThat(JSON.readTree(call.getString(2)).propertyNames()).containsExactly("deadline");

				ResultSet source = statement.executeQuery("SELECT normalised FROM call_source WHERE call_id = 1");
				source.next();
				var said = JSON.readTree(source.getString(1));
				assertThat(said.has("amountMax")).isFalse();
				Requirements fromSource = JSON.treeToValue(said.get("requirements"), Requirements.class);
				assertThat(fromSource.money().max()).isEqualByComparingTo("50000");
				assertThat(fromSource.evidence("networkRequired")).isEqualTo("Solo miembros de CGLU.");
				assertThat(said.get("evidence").propertyNames()).containsExactly("deadline");
			}
		}
	}

}
