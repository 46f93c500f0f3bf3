package pe.gob.munlima.convoca;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server on loopback (GreenMail) on a fixed port, so a test can stop it (the
 * mail server is down) and start it again, and read what each address received.
 */
public final class SmtpTestServer {

	private final int port;

	private volatile GreenMail mail;

	public SmtpTestServer(int port) {
		this.port = port;
		ensureRunning();
	}

	public int port() {
		return this.port;
	}

	public synchronized GreenMail mail() {
		return this.mail;
	}

	public synchronized void ensureRunning() {
		if (this.mail == null) {
			this.mail = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			this.mail.start();
		}
	}

	public synchronized void stop() {
		if (this.mail != null) {
			this.mail.stop();
			this.mail = null;
		}
	}

	/**
	 * Sends the application's mail here, with outbox timings short enough for a test: a
	 * round every 200 ms, retries after 300 ms up to 1 s, a dead letter after 4 attempts,
	 * and a 1 s lease (a "dead" node's message is taken over quickly).
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", this::port);
		registry.add("convoca.alerts.dispatch.interval", () -> "200ms");
		registry.add("convoca.alerts.dispatch.backoff", () -> "300ms");
		registry.add("convoca.alerts.dispatch.max-backoff", () -> "1s");
		registry.add("convoca.alerts.dispatch.max-attempts", () -> "4");
		registry.add("convoca.alerts.dispatch.lease", () -> "1s");
	}

	/** The messages delivered to {@code address} so far. */
	public List<MimeMessage> to(String address) {
		return Arrays.stream(mail().getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * The messages delivered to {@code address}, waiting until there are {@code count}.
	 */
	public List<MimeMessage> await(String address, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> to(address).size() >= count);
		return to(address);
	}

	/**
	 * Asserts that {@code condition} holds all along {@code window}: the proof that
	 * nothing more happens (no second delivery), which no event could signal.
	 */
	public static void holdsFor(Duration window, Callable<Boolean> condition) {
		Awaitility.await().during(window).atMost(window.plusSeconds(5)).until(condition);
	}

	/** A port nothing listens on now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
