package pe.gob.munlima.convoca.alert;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once through real SMTP: a node that dies between recording and sending, one
 * that dies after the server accepted (the edge that is redelivered with the same
 * Message-ID), an SMTP server that is down and comes back, and one that stays down until
 * the message is a dead letter the admin sends again.
 */
class OutboxIntegrationTests extends AlertTestSupport {

	@Autowired
	Outbox outbox;

	@Autowired
	JavaMailSender sender;

	@Test
	void aNodeThatDiesBetweenRecordingAndSendingLeavesExactlyOneDeliveryAfterRecovery() throws Exception {
		this.worker.stop();
		try {
			// Recorded, then the service stopped before any node claimed it.
			assertThat(this.outbox.enqueue(message("crash:recorded", "recorded@example.test"))).isTrue();
			assertThat(this.outbox.enqueue(message("crash:recorded", "recorded@example.test")))
				.as("the same key is never recorded twice")
				.isFalse();
			// Claimed by a node that died before the SMTP exchange: its lease runs out.
			assertThat(this.outbox.enqueue(message("crash:claimed", "claimed@example.test"))).isTrue();
			List<OutboxEntry> claimed = claimAll("node-killed-before-smtp");
			assertThat(claimed).extracting(OutboxEntry::key).contains("crash:recorded", "crash:claimed");
			assertThat(to("recorded@example.test")).isEmpty();
		}
		finally {
			// The restart: the worker's recovery pass after the lease (1 s) ran out.
			this.worker.start();
		}
		assertThat(awaitMail("recorded@example.test", 1)).hasSize(1);
		assertThat(awaitMail("claimed@example.test", 1)).hasSize(1);
		// Delivered once, not again.
		holdsFor(Duration.ofMillis(1500),
				() -> to("recorded@example.test").size() == 1 && to("claimed@example.test").size() == 1);
		assertThat(entry("crash:claimed").redelivered()).isTrue();
		assertThat(entry("crash:claimed").status()).isEqualTo("SENT");
	}

	@Test
	void aNodeThatDiesAfterTheServerAcceptedIsRedeliveredWithTheSameMessageId() throws Exception {
		this.worker.stop();
		try {
			this.outbox.enqueue(message("crash:accepted", "accepted@example.test"));
			for (OutboxEntry entry : claimAll("node-killed-after-250")) {
				if (entry.key().equals("crash:accepted")) {
					// The server accepts the message; the node dies before marking it
					// sent.
					this.sender.send(MailMessages.build(this.sender, entry, "Convoca <convoca@munlima.gob.pe>"));
				}
			}
		}
		finally {
			this.worker.start();
		}
		List<MimeMessage> copies = awaitMail("accepted@example.test", 2);
		assertThat(copies).hasSize(2);
		assertThat(copies.get(0).getMessageID()).isEqualTo(copies.get(1).getMessageID())
			.isEqualTo(Outbox.messageId("crash:accepted"));
		assertThat(entry("crash:accepted").redelivered()).isTrue();
	}

	@Test
	void smtpDownThenUpDeliversAndAServerThatStaysDownEndsInDeadLettersTheAdminRetries() throws Exception {
		SMTP.stop();
		try {
			this.outbox.enqueue(message("down:then-up", "later@example.test"));
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> entry("down:then-up").attempts() >= 1 && entry("down:then-up").lastError() != null);
			assertThat(entry("down:then-up").status()).isIn("PENDING", "SENDING");
		}
		finally {
			SMTP.ensureRunning();
		}
		assertThat(awaitMail("later@example.test", 1)).hasSize(1);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(entry("down:then-up").status()));

		SMTP.stop();
		try {
			this.outbox.enqueue(message("down:dead", "dead@example.test"));
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(entry("down:dead").status()));
			assertThat(entry("down:dead").attempts()).isEqualTo(4);
			JsonNode dead = this.api.get("/api/admin/alerts/dead-letters");
			JsonNode letter = null;
			for (JsonNode node : dead) {
				if ("down:dead".equals(node.get("key").asString())) {
					letter = node;
				}
			}
			assertThat(letter).as("the dead letter is listed for the admin").isNotNull();
			assertThat(letter.get("lastError").asString()).containsIgnoringCase("connect");
			// A dead letter is not tried again by itself.
			holdsFor(Duration.ofMillis(700), () -> "DEAD".equals(entry("down:dead").status()));
			SMTP.ensureRunning();
			JsonNode retried = this.api.post("/api/admin/alerts/dead-letters/" + letter.get("id").asLong() + "/retry");
			assertThat(retried.get("status").asString()).isIn("PENDING", "SENDING", "SENT");
		}
		finally {
			SMTP.ensureRunning();
		}
		assertThat(awaitMail("dead@example.test", 1)).hasSize(1);
		assertThat(this.api.fetch("/api/admin/alerts/dead-letters/999999/retry").statusCode()).isEqualTo(405);
		assertThat(this.api.postEmpty("/api/admin/alerts/dead-letters/999999/retry").statusCode()).isEqualTo(404);
	}

	private List<OutboxEntry> claimAll(String node) {
		List<OutboxEntry> claimed = new java.util.ArrayList<>();
		java.util.Optional<OutboxEntry> next;
		while ((next = this.outbox.claim(node, Duration.ofSeconds(1))).isPresent()) {
			claimed.add(next.get());
		}
		return claimed;
	}

	private OutboxEntry entry(String key) {
		return this.outbox.list(null, 1000).stream().filter(entry -> entry.key().equals(key)).findFirst().orElseThrow();
	}

	private static OutboxMessage message(String key, String to) {
		return new OutboxMessage(key, OutboxMessage.Kind.CHANGE_NOTICE, to, "es",
				new RenderedMail("Prueba " + key, "Texto de la notificación", "<p>Notificación</p>"), null, "test");
	}

}
