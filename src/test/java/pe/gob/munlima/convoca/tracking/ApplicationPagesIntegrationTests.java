package pe.gob.munlima.convoca.tracking;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.TrackingContextTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application pages over HTTP as a browser uses them: a session, forms posted with
 * the page's CSRF token, and the page telling what happened.
 */
class ApplicationPagesIntegrationTests extends TrackingContextTestSupport {

	static final String C40_CALL = "[Demo] Cooperación ciudad a ciudad para la acción climática";

	static final Pattern TASK_FORM = Pattern.compile("action=\"(/postulaciones/\\d+/tareas/\\d+)\"");

	@BeforeEach
	void today() {
		this.clock.set(START);
	}

	@Test
	void theOfficeMovesAnApplicationAndChecksOffItsTasksOnThePage() {
		long matchId = newMatch("GMU", "[\"mobility\", \"climate\"]", 800000, C40_CALL);
		PageSession page = new PageSession(this.port);
		assertThat(page.logIn(SUBGERENCIA, SUBGERENCIA_PASSWORD)).isTrue();
		String path = "/postulaciones/" + matchId;

		String fresh = page.get(path).body();
		assertThat(fresh).contains("[Demo] Cooperación ciudad a ciudad", "identificada",
				"Convoca encontró la coincidencia", "Pasar a «en evaluación»", "Pasar a «descartada»");

		HttpResponse<String> moved = page.postForm(path + "/etapa",
				form("to", "EVALUATING", "note", "Lo vemos el lunes", "_csrf", page.csrfToken(path)));
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(moved.headers().firstValue("Location").orElse("")).endsWith(path);
		String evaluating = page.get(path).body();
		assertThat(evaluating).contains("La postulación pasó a «en evaluación».", "Lo vemos el lunes",
				"por subgerencia");

		page.postForm(path + "/etapa", form("to", "APPLYING", "_csrf", page.csrfToken(path)));
		String applying = page.get(path).body();
		assertThat(applying).contains("Buscar socio de Unión Europea: Burdeos, Madrid, Trento (hermanamiento).");
		Matcher task = TASK_FORM.matcher(applying);
		assertThat(task.find()).isTrue();
		page.postForm(task.group(1), form("done", "true", "_csrf", page.csrfToken(path)));
		assertThat(page.get(path).body()).contains("Tarea marcada como hecha.", "Hecha por subgerencia el");

		page.postForm(path + "/tareas", form("title", "Aprobar Acuerdo de Concejo", "owner", "", "dueOn", "mañana",
				"_csrf", page.csrfToken(path)));
		assertThat(page.get(path).body()).contains("«mañana» no es una fecha válida (aaaa-mm-dd).");
		page.postForm(path + "/tareas", form("title", "Aprobar Acuerdo de Concejo", "owner", "movilidad", "dueOn",
				"2027-01-15", "_csrf", page.csrfToken(path)));
		assertThat(page.get(path).body()).contains("Se agregó la tarea.", "Aprobar Acuerdo de Concejo", "15/01/2027");

		page.postForm(path + "/etapa", form("to", "SUBMITTED", "requestedAmount", "250,000.00", "requestedCurrency",
				"EUR", "_csrf", page.csrfToken(path)));
		page.postForm(path + "/etapa", form("to", "AWARDED", "amount", "1,250,000.5", "currency", "EUR", "awardedOn",
				"2026-11-24", "documentType", "", "documentReference", "", "_csrf", page.csrfToken(path)));
		String awarded = page.get(path).body();
		assertThat(awarded).contains("La postulación pasó a «adjudicada».", "EUR\u00a01,250,000.50", "por definir",
				"EUR\u00a0250,000.00");
		assertThat(awarded).as("a final stage offers no move").doesNotContain("Pasar a «");

		page.postForm(path + "/adjudicacion",
				form("amount", "-3", "currency", "EUR", "awardedOn", "2026-11-24", "_csrf", page.csrfToken(path)));
		assertThat(page.get(path).body())
			.contains("El monto adjudicado debe ser mayor que cero, con dos decimales como máximo.");

		String list = page.get("/postulaciones?stage=AWARDED&gerencia=GMU").body();
		assertThat(list).contains("href=\"" + path + "\"", "adjudicada");
	}

	@Test
	void aProjectOwnerSeesAnotherGerenciasApplicationButNoFormsAndCannotPost() {
		long matchId = newMatch("GDE", "[\"mobility\", \"climate\"]", 800000, C40_CALL);
		PageSession page = new PageSession(this.port);
		assertThat(page.logIn(OWNER, OWNER_PASSWORD)).isTrue();
		String path = "/postulaciones/" + matchId;

		HttpResponse<String> seen = page.get(path);
		assertThat(seen.statusCode()).isEqualTo(200);
		assertThat(seen.body()).contains("identificada").doesNotContain("/etapa", "Agregar una tarea");

		String token = page.csrfToken("/postulaciones");
		assertThat(page.postForm(path + "/etapa", form("to", "EVALUATING", "_csrf", token)).statusCode())
			.isEqualTo(403);
		assertThat(page.postForm(path + "/tareas", form("title", "Intruso", "_csrf", token)).statusCode())
			.isEqualTo(403);
		assertThat(api().get("/api/applications/" + matchId).get("tracked").asBoolean()).isFalse();
	}

	@Test
	void aFormWithoutTheCsrfTokenIsRefused() {
		long matchId = newMatch("GMU", "[\"mobility\"]", 300000, C40_CALL);
		PageSession page = new PageSession(this.port);
		assertThat(page.logIn(SUBGERENCIA, SUBGERENCIA_PASSWORD)).isTrue();

		assertThat(page.postForm("/postulaciones/" + matchId + "/etapa", form("to", "EVALUATING")).statusCode())
			.isEqualTo(403);
		assertThat(api().get("/api/applications/" + matchId).get("stage").asString()).isEqualTo("IDENTIFIED");
	}

	@Test
	void anUnknownApplicationIsANotFoundPage() {
		PageSession page = new PageSession(this.port);
		assertThat(page.logIn(OWNER, OWNER_PASSWORD)).isTrue();
		HttpResponse<String> missing = page.send(java.net.http.HttpRequest.newBuilder(page.uri("/postulaciones/999999"))
			.header("Accept", "text/html")
			.build());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("La página no existe.");
	}

	static Map<String, String> form(String... pairs) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

}
