package pe.gob.munlima.convoca.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.SmtpTestServer;
import pe.gob.munlima.convoca.TestWorkspace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.munlima.convoca.SmtpTestServer.holdsFor;

/**
 * The notify module on its own (only its beans and the embedded database; no call,
 * project or alert), sending through a real SMTP server on loopback (GreenMail): a
 * message handed over in a transaction is sent exactly once, and only if that transaction
 * commits; a recipient who unsubscribed gets nothing more of that subscription; and the
 * outbox's crash windows: a node that dies between recording and sending, one that dies
 * after the server accepted (redelivered with the same Message-ID), an SMTP server that
 * is down and comes back, and one that stays down until the message is a dead letter sent
 * again.
 */
@ApplicationModuleTest(extraIncludes = "db")
class NotifyModuleTests {

	static final Path WORK = TestWorkspace.create("convoca-notify-module");

	static final SmtpTestServer SMTP = new SmtpTestServer(SmtpTestServer.freePort());

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
		registry.add("convoca.demo.enabled", () -> "false");
		SMTP.register(registry);
		registry.add("convoca.alerts.base-url", () -> "http://convoca.test");
	}

	@Autowired
	Notifications notifications;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	SignedTokens tokens;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@Autowired
	JavaMailSender sender;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void smtpUp() {
		SMTP.ensureRunning();
	}

	@Test
	void aMessageHandedOverInATransactionIsSentExactlyOnceAndOnlyIfItCommits() throws Exception {
		Message welcome = message("once:1", "una.vez@example.test", "boletin:1");
		this.transactions.executeWithoutResult(status -> {
			assertThat(this.notifications.send(welcome)).isTrue();
			assertThat(this.notifications.send(welcome)).as("the same key is never recorded twice").isFalse();
		});
		this.transactions.executeWithoutResult(status -> {
			this.notifications.send(message("once:rolled-back", "nunca@example.test", null));
			status.setRollbackOnly();
		});

		List<MimeMessage> received = SMTP.await("una.vez@example.test", 1);
		MimeMessage mail = received.get(0);
		assertThat(mail.getMessageID()).isEqualTo(Outbox.messageId("once:1"));
		assertThat(mail.getSubject()).contains("Fondo de prueba");
		String oneClick = mail.getHeader("List-Unsubscribe")[0];
		assertThat(oneClick).startsWith("<http://convoca.test/api/unsubscribe/");
		assertThat(text(mail)).contains("Hola Ana.").contains("http://convoca.test/unsubscribe/");
		// Sent once, not again; what was rolled back was never recorded, so never sent.
		holdsFor(Duration.ofMillis(1500), () -> SMTP.to("una.vez@example.test").size() == 1);
		assertThat(SMTP.to("nunca@example.test")).isEmpty();
		assertThat(this.notifications.recorded("once:rolled-back")).isFalse();
		assertThat(this.notifications.send(welcome)).as("a later hand-over of the same key").isFalse();
		assertThat(entry("once:1").status()).isEqualTo("SENT");
	}

	@Test
	void anUnsubscribedRecipientGetsNothingMoreOfThatSubscription(AssertablePublishedEvents events) {
		String address = "baja@example.test";
		this.worker.stop();
		try {
			assertThat(this.notifications.send(message("news:1", address, "boletin:7"))).isTrue();
			String token = token(entry("news:1").unsubscribeUrl());
			assertThat(this.subscriptions.unsubscribe(token)).isTrue();
			assertThat(this.subscriptions.unsubscribe(token)).as("a second click changes nothing").isTrue();
			assertThat(events.ofType(Unsubscribed.class)).extracting(Unsubscribed::subscription).contains("boletin:7");
			assertThat(entry("news:1").status()).as("what was still waiting").isEqualTo("CANCELLED");
			assertThat(this.notifications.send(message("news:2", address, "boletin:7"))).isFalse();
			assertThat(this.notifications.send(message("other:1", address, "avisos:7"))).isTrue();
		}
		finally {
			this.worker.start();
		}
		assertThat(SMTP.await(address, 1)).hasSize(1);
		holdsFor(Duration.ofMillis(1000), () -> SMTP.to(address).size() == 1);
		assertThat(SMTP.to(address)).extracting(NotifyModuleTests::messageId)
			.containsExactly(Outbox.messageId("other:1"));

		// Turned on again by its owner: mail flows again.
		this.notifications.resubscribe("boletin:7");
		assertThat(this.notifications.send(message("news:3", address, "boletin:7"))).isTrue();
		assertThat(SMTP.await(address, 2)).extracting(NotifyModuleTests::messageId)
			.contains(Outbox.messageId("news:3"));
	}

	@Test
	void onlyTheTokenOfASubscriptionSomeMessageCarriedUnsubscribes() {
		this.notifications.send(message("tokens:1", "fichas@example.test", "boletin:9"));
		assertThat(this.subscriptions.subject(this.tokens.sign("boletin:9"))).contains("boletin:9");
		// A calendar token is signed with the same key, and must not stop anything.
		assertThat(this.subscriptions.subject(this.tokens.sign("ics:GMU"))).isEmpty();
		assertThat(this.subscriptions.unsubscribe(this.tokens.sign("ics:GMU"))).isFalse();
		assertThat(this.subscriptions.subject("boletin:9")).isEmpty();
	}

	@Test
	void aNodeThatDiesBetweenRecordingAndSendingLeavesExactlyOneDeliveryAfterRecovery() {
		this.worker.stop();
		try {
			// Recorded, then the service stopped before any node claimed it.
			assertThat(this.outbox.enqueue(raw("crash:recorded", "recorded@example.test"))).isTrue();
			assertThat(this.outbox.enqueue(raw("crash:recorded", "recorded@example.test")))
				.as("the same key is never recorded twice")
				.isFalse();
			// Claimed by a node that died before the SMTP exchange: its lease runs out.
			assertThat(this.outbox.enqueue(raw("crash:claimed", "claimed@example.test"))).isTrue();
			List<OutboxEntry> claimed = claimAll("node-killed-before-smtp");
			assertThat(claimed).extracting(OutboxEntry::key).contains("crash:recorded", "crash:claimed");
			assertThat(SMTP.to("recorded@example.test")).isEmpty();
		}
		finally {
			// The restart: the worker's recovery pass after the lease (1 s) ran out.
			this.worker.start();
		}
		assertThat(SMTP.await("recorded@example.test", 1)).hasSize(1);
		assertThat(SMTP.await("claimed@example.test", 1)).hasSize(1);
		// Delivered once, not again.
		holdsFor(Duration.ofMillis(1500),
				() -> SMTP.to("recorded@example.test").size() == 1 && SMTP.to("claimed@example.test").size() == 1);
		assertThat(entry("crash:claimed").redelivered()).isTrue();
		assertThat(entry("crash:claimed").status()).isEqualTo("SENT");
	}

	@Test
	void aNodeThatDiesAfterTheServerAcceptedIsRedeliveredWithTheSameMessageId() throws Exception {
		this.worker.stop();
		try {
			this.outbox.enqueue(raw("crash:accepted", "accepted@example.test"));
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
		List<MimeMessage> copies = SMTP.await("accepted@example.test", 2);
		assertThat(copies).hasSize(2);
		assertThat(copies.get(0).getMessageID()).isEqualTo(copies.get(1).getMessageID())
			.isEqualTo(Outbox.messageId("crash:accepted"));
		assertThat(entry("crash:accepted").redelivered()).isTrue();
	}

	@Test
	void smtpDownThenUpDeliversAndAServerThatStaysDownEndsInADeadLetterSentAgain() {
		SMTP.stop();
		try {
			this.outbox.enqueue(raw("down:then-up", "later@example.test"));
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> entry("down:then-up").attempts() >= 1 && entry("down:then-up").lastError() != null);
			assertThat(entry("down:then-up").status()).isIn("PENDING", "SENDING");
		}
		finally {
			SMTP.ensureRunning();
		}
		assertThat(SMTP.await("later@example.test", 1)).hasSize(1);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(entry("down:then-up").status()));

		SMTP.stop();
		try {
			this.outbox.enqueue(raw("down:dead", "dead@example.test"));
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(entry("down:dead").status()));
			assertThat(entry("down:dead").attempts()).isEqualTo(4);
			assertThat(entry("down:dead").lastError()).containsIgnoringCase("connect");
			assertThat(this.notifications.messages("DEAD", 100)).extracting(OutboxEntry::key).contains("down:dead");
			// A dead letter is not tried again by itself.
			holdsFor(Duration.ofMillis(700), () -> "DEAD".equals(entry("down:dead").status()));
			SMTP.ensureRunning();
			assertThat(this.notifications.retry(entry("down:dead").id())).isTrue();
		}
		finally {
			SMTP.ensureRunning();
		}
		assertThat(SMTP.await("dead@example.test", 1)).hasSize(1);
		assertThat(this.notifications.retry(999_999L)).as("not a dead letter").isFalse();
	}

	/** A message of the test template, {@code templates/mail/notify-test.*}. */
	private static Message message(String key, String to, String subscription) {
		return new Message(key, "TEST", to, "es", "notify-test", Map.of("name", "Ana"), "alert.change.subject",
				List.of("Fondo de prueba"), subscription, "test");
	}

	private static OutboxMessage raw(String key, String to) {
		return new OutboxMessage(key, "TEST", to, "es",
				new RenderedMail("Prueba " + key, "Texto de la notificación", "<p>Notificación</p>"), null, null,
				"test");
	}

	private List<OutboxEntry> claimAll(String node) {
		List<OutboxEntry> claimed = new ArrayList<>();
		Optional<OutboxEntry> next;
		while ((next = this.outbox.claim(node, Duration.ofSeconds(1))).isPresent()) {
			claimed.add(next.get());
		}
		return claimed;
	}

	private OutboxEntry entry(String key) {
		return this.outbox.list(null, 1000).stream().filter(entry -> entry.key().equals(key)).findFirst().orElseThrow();
	}

	private static String token(String url) {
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(MimeMessage message) throws Exception {
		jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
		return String.valueOf(parts.getBodyPart(0).getContent());
	}

}
