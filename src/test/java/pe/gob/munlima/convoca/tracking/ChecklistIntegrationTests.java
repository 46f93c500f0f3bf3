package pe.gob.munlima.convoca.tracking;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.TrackingContextTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checklist: derived from the match's findings when the application enters
 * "postulando", tasks users add, checked off with who and when, the overdue-task query
 * the weekly digest reads, and the stage-change event alerts follow.
 */
class ChecklistIntegrationTests extends TrackingContextTestSupport {

	static final String C40_CALL = "[Demo] Cooperación ciudad a ciudad para la acción climática";

	@BeforeEach
	void today() {
		this.clock.set(START);
	}

	/**
	 * A GMU electric-bus project asking USD 800,000 with no partner, against the demo C40
	 * call (EUR 300,000 at most, a European partner required).
	 */
	long busesForC40() {
		return newMatch("GMU", "[\"mobility\", \"climate\"]", 800000, C40_CALL);
	}

	@Test
	void enteringPostulandoTurnsEachFindingThatAsksForWorkIntoATask() {
		long matchId = busesForC40();
		JsonNode reasons = matchReasons(matchId);
		// The finding set this test is about: two NOT_ELIGIBLE findings with a fix.
		assertThat(ruleIds(reasons, "NOT_ELIGIBLE")).containsExactly("partner-missing-sister-city-available",
				"requested-above-maximum");
		assertThat(ruleIds(reasons, "NEEDS_REVIEW")).isEmpty();

		move(api(), matchId, "{\"to\": \"EVALUATING\"}");
		assertThat(api().get("/api/applications/" + matchId).get("checklist")).as("no checklist before").isEmpty();
		this.clock.setDay("2026-11-30");
		JsonNode checklist = move(api(), matchId, "{\"to\": \"APPLYING\"}").get("checklist");

		assertThat(checklist).hasSize(2);
		assertThat(checklist.get(0).get("task").asString())
			.isEqualTo("Buscar socio de Unión Europea: Burdeos, Madrid, Trento (hermanamiento).");
		assertThat(checklist.get(0).get("why").asString())
			.isEqualTo("La convocatoria exige un socio de Unión Europea y el proyecto no lo tiene.");
		assertThat(checklist.get(1).get("task").asString()).isEqualTo(
				"Reducir lo solicitado a USD 348,000 como máximo y cubrir USD 452,000 con otra fuente o por fases.");
		// Every task is the finding's fix (or message), in the rules' order, from the
		// finding.
		List<String> expected = new ArrayList<>();
		for (JsonNode reason : reasons) {
			boolean actionable = reason.get("severity").asString().equals("NEEDS_REVIEW")
					|| (reason.get("severity").asString().equals("NOT_ELIGIBLE") && !reason.get("fix").isNull());
			if (actionable) {
				expected.add(reason.get("ruleId").asString() + ": "
						+ (reason.get("fix").isNull() ? reason.get("message") : reason.get("fix")).asString());
			}
		}
		List<String> derived = new ArrayList<>();
		for (JsonNode task : checklist) {
			assertThat(task.get("origin").asString()).isEqualTo("FINDING");
			// The project owner of GMU takes them, due 14 days before the deadline
			// (30/04/2027).
			assertThat(task.get("owner").asString()).isEqualTo(OWNER);
			assertThat(task.get("dueOn").asString()).isEqualTo("2027-04-16");
			assertThat(task.get("done").asBoolean()).isFalse();
			derived.add(task.get("ruleId").asString() + ": " + task.get("task").asString());
		}
		assertThat(derived).isEqualTo(expected);

		// English readers get the same tasks in English.
		JsonNode english = api().get("/api/applications/" + matchId, "en").get("checklist");
		assertThat(english.get(0).get("task").asString())
			.isEqualTo("Find a partner from the European Union: Burdeos, Madrid, Trento (sister city).");

		// Back to evaluation and preparing again derives nothing twice.
		move(api(), matchId, "{\"to\": \"EVALUATING\"}");
		assertThat(move(api(), matchId, "{\"to\": \"APPLYING\"}").get("checklist")).hasSize(2);
	}

	@Test
	void usersAddTasksCheckThemOffAndTheOwnerMustExist() {
		long matchId = busesForC40();
		Api owner = api().as(OWNER, OWNER_PASSWORD);
		move(owner, matchId, "{\"to\": \"EVALUATING\"}");

		HttpResponse<String> added = owner.postJson("/api/applications/" + matchId + "/tasks",
				"{\"title\": \"Aprobar Acuerdo de Concejo\", \"owner\": \"subgerencia\", \"dueOn\": \"2027-02-01\"}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		JsonNode task = owner.json(added).get("checklist").get(0);
		assertThat(task.get("origin").asString()).isEqualTo("USER");
		assertThat(task.get("task").asString()).isEqualTo("Aprobar Acuerdo de Concejo");
		assertThat(task.get("owner").asString()).isEqualTo("subgerencia");
		assertThat(task.get("dueOn").asString()).isEqualTo("2027-02-01");
		String taskPath = "/api/applications/" + matchId + "/tasks/" + task.get("id").asLong();
		assertThat(owner.json(owner.postJson("/api/applications/" + matchId + "/tasks", "{\"title\": \"Sin dueño\"}"))
			.get("checklist")
			.get(1)
			.get("owner")
			.asString()).as("the author when no owner is given").isEqualTo(OWNER);

		assertThat(
				owner.postJson("/api/applications/" + matchId + "/tasks", "{\"owner\": \"subgerencia\"}").statusCode())
			.isEqualTo(422);
		HttpResponse<String> nobody = owner.send(java.net.http.HttpRequest.newBuilder(owner.uri(taskPath))
			.header("Content-Type", "application/json")
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"owner\": \"fantasma\"}"))
			.build());
		assertThat(nobody.statusCode()).isEqualTo(422);
		assertThat(owner.json(nobody).get("detail").asString())
			.isEqualTo("No existe el usuario «fantasma» para hacerse cargo de la tarea.");

		this.clock.setDay("2026-12-01");
		JsonNode done = owner.json(patch(owner, taskPath, "{\"done\": true}")).get("checklist").get(0);
		assertThat(done.get("done").asBoolean()).isTrue();
		assertThat(done.get("doneBy").asString()).isEqualTo(OWNER);
		assertThat(done.get("doneAt").asString()).isEqualTo("2026-12-01T17:00:00Z");
		JsonNode undone = api().json(patch(api(), taskPath, "{\"done\": false, \"dueOn\": \"2027-02-15\"}"))
			.get("checklist")
			.get(0);
		assertThat(undone.get("done").asBoolean()).isFalse();
		assertThat(undone.get("doneBy").isNull()).isTrue();
		assertThat(undone.get("dueOn").asString()).isEqualTo("2027-02-15");

		HttpResponse<String> removed = owner.delete(taskPath);
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		assertThat(owner.json(removed).get("checklist")).hasSize(1);
		assertThat(owner.delete(taskPath).statusCode()).isEqualTo(404);

		move(owner, matchId, "{\"to\": \"DISCARDED\", \"reason\": \"NOT_ENOUGH_TIME\"}");
		HttpResponse<String> closed = owner.postJson("/api/applications/" + matchId + "/tasks",
				"{\"title\": \"Tarde\"}");
		assertThat(closed.statusCode()).isEqualTo(409);
		assertThat(owner.json(closed).get("detail").asString())
			.isEqualTo("La postulación está en «descartada», una etapa final: su lista de tareas ya no cambia.");
	}

	@Test
	void overdueTasksAreThoseOpenPastTheirDueDateOfApplicationsUnderWay() {
		long matchId = busesForC40();
		move(api(), matchId, "{\"to\": \"EVALUATING\"}");
		JsonNode checklist = move(api(), matchId, "{\"to\": \"APPLYING\"}").get("checklist");
		long partner = checklist.get(0).get("id").asLong();
		long amount = checklist.get(1).get("id").asLong();
		patch(api(), "/api/applications/" + matchId + "/tasks/" + amount, "{\"done\": true}");
		api().postJson("/api/applications/" + matchId + "/tasks",
				"{\"title\": \"Carta de la embajada\", \"dueOn\": \"2027-04-20\"}");

		this.clock.setDay("2027-04-16");
		assertThat(overdueOf(matchId)).as("due today is not overdue yet").isEmpty();

		this.clock.setDay("2027-04-19");
		JsonNode overdue = overdueOf(matchId);
		assertThat(overdue).hasSize(1);
		assertThat(overdue.get(0).get("taskId").asLong()).isEqualTo(partner);
		assertThat(overdue.get(0).get("task").asString())
			.isEqualTo("Buscar socio de Unión Europea: Burdeos, Madrid, Trento (hermanamiento).");
		assertThat(overdue.get(0).get("owner").asString()).isEqualTo(OWNER);
		assertThat(overdue.get(0).get("dueOn").asString()).isEqualTo("2027-04-16");
		assertThat(overdue.get(0).get("daysOverdue").asLong()).isEqualTo(3);
		assertThat(overdue.get(0).get("stage").asString()).isEqualTo("APPLYING");
		assertThat(overdue.get(0).get("gerencia").asString()).isEqualTo("GMU");
		assertThat(overdue.get(0).get("deadline").asString()).isEqualTo("2027-05-01T04:59:59Z");
		JsonNode summary = api().get("/api/applications?stage=APPLYING&gerencia=GMU");
		for (JsonNode application : summary) {
			if (application.get("matchId").asLong() == matchId) {
				assertThat(application.get("openTasks").asInt()).isEqualTo(2);
				assertThat(application.get("overdueTasks").asInt()).isEqualTo(1);
			}
		}

		this.clock.setDay("2027-04-25");
		assertThat(overdueOf(matchId)).hasSize(2);

		// Once the office gives up, its tasks are no longer anybody's overdue work.
		move(api(), matchId, "{\"to\": \"DISCARDED\", \"reason\": \"NOT_ENOUGH_TIME\"}");
		assertThat(overdueOf(matchId)).isEmpty();
	}

	@Test
	void everyMoveIsPublishedForAlertsAfterItIsStored() {
		long matchId = busesForC40();
		move(api().as(OWNER, OWNER_PASSWORD), matchId, "{\"to\": \"EVALUATING\", \"note\": \"Vamos\"}");
		move(api(), matchId, "{\"to\": \"APPLYING\"}");
		api().postJson("/api/applications/" + matchId + "/transitions", "{\"to\": \"AWARDED\"}");

		List<ApplicationStageChanged> changes = this.stageChanges.of(matchId);
		assertThat(changes).extracting(ApplicationStageChanged::to).containsExactly(Stage.EVALUATING, Stage.APPLYING);
		ApplicationStageChanged first = changes.get(0);
		assertThat(first.from()).isEqualTo(Stage.IDENTIFIED);
		assertThat(first.actor()).isEqualTo(OWNER);
		assertThat(first.gerencia()).isEqualTo("GMU");
		assertThat(first.note()).isEqualTo("Vamos");
		assertThat(first.callId()).isEqualTo(api().callId(C40_CALL));
		assertThat(first.at()).isEqualTo(START);
	}

	JsonNode matchReasons(long matchId) {
		for (JsonNode match : api().get("/api/calls/" + api().callId(C40_CALL) + "/matches")) {
			if (match.get("matchId").asLong() == matchId) {
				return match.get("reasons");
			}
		}
		throw new AssertionError("no match " + matchId);
	}

	JsonNode overdueOf(long matchId) {
		List<JsonNode> found = new ArrayList<>();
		api().get("/api/applications/tasks/overdue").forEach(task -> {
			if (task.get("matchId").asLong() == matchId) {
				found.add(task);
			}
		});
		return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(found);
	}

	static List<String> ruleIds(JsonNode reasons, String severity) {
		List<String> ids = new ArrayList<>();
		reasons.forEach(reason -> {
			if (reason.get("severity").asString().equals(severity)) {
				ids.add(reason.get("ruleId").asString());
			}
		});
		return ids;
	}

	static HttpResponse<String> patch(Api as, String path, String body) {
		HttpResponse<String> response = as.send(java.net.http.HttpRequest.newBuilder(as.uri(path))
			.header("Content-Type", "application/json")
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

}
