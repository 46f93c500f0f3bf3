package pe.gob.munlima.convoca.notify;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Builds the MIME message of an outbox entry: multipart/alternative with a UTF-8 plain
 * text part first and the HTML part last (clients show the last part they can render),
 * the Message-ID of the entry's key, and the one-click unsubscribe headers of RFC 8058.
 */
final class MailMessages {

	private MailMessages() {
	}

	static MimeMessage build(JavaMailSender sender, OutboxEntry entry, String from) throws MessagingException {
		Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession()
				: Session.getInstance(new Properties());
		MimeMessage message = new KeyedMessage(session, entry.messageId());
		message.setFrom(new InternetAddress(from, true));
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(entry.recipient(), true));
		message.setSubject(entry.subject(), StandardCharsets.UTF_8.name());
		MimeBodyPart text = new MimeBodyPart();
		text.setText(entry.text(), StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(entry.html(), StandardCharsets.UTF_8.name(), "html");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		// Sent by a program, not a person: out-of-office replies stay away (RFC 3834).
		message.setHeader("Auto-Submitted", "auto-generated");
		if (entry.unsubscribeUrl() != null) {
			message.setHeader("List-Unsubscribe", "<" + entry.unsubscribeUrl() + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		message.saveChanges();
		return message;
	}

	/**
	 * A message whose Message-ID is the one its key derives, not a fresh one at every
	 * attempt.
	 */
	private static final class KeyedMessage extends MimeMessage {

		private final String id;

		KeyedMessage(Session session, String id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.id);
		}

	}

}
