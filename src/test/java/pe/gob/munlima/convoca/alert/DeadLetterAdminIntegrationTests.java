package pe.gob.munlima.convoca.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.notify.Message;
import pe.gob.munlima.convoca.notify.Notifications;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subgerencia's view of the delivery (the notify module tests the delivery itself): a
 * message that cannot be sent is listed as a dead letter with its error, and sending it
 * again puts it back in the queue; an unknown one is refused.
 */
class DeadLetterAdminIntegrationTests extends AlertTestSupport {

	@Autowired
	Notifications notifications;

	@Test
	void aDeadLetterIsListedForTheAdminWhoSendsItAgain() throws Exception {
		// Not an address: the server is never asked, the message is a dead letter at
		// once.
		this.notifications.send(new Message(
				"admin:dead", "CHANGE_NOTICE", "ana <sin cierre", "es", "change", Map.of("title", "Fondo", "funder",
						"Donante", "url", "http://x", "changes", List.of("plazo"), "preferencesUrl", "http://x"),
				"alert.change.subject", List.of("Fondo"), null, "test"));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> letter() != null);

		JsonNode letter = letter();
		assertThat(letter.get("lastError").asString()).isNotBlank();
		assertThat(letter.get("kind").asString()).isEqualTo("CHANGE_NOTICE");
		JsonNode retried = this.api.post("/api/admin/alerts/dead-letters/" + letter.get("id").asLong() + "/retry");
		assertThat(retried.get("status").asString()).isIn("PENDING", "SENDING", "DEAD");
		assertThat(retried.get("attempts").asInt()).isLessThanOrEqualTo(1);
		assertThat(this.api.fetch("/api/admin/alerts/dead-letters/999999/retry").statusCode()).isEqualTo(405);
		assertThat(this.api.postEmpty("/api/admin/alerts/dead-letters/999999/retry").statusCode()).isEqualTo(404);
	}

	private JsonNode letter() throws Exception {
		for (JsonNode node : this.api.get("/api/admin/alerts/dead-letters")) {
			if ("admin:dead".equals(node.get("key").asString())) {
				return node;
			}
		}
		return null;
	}

}
