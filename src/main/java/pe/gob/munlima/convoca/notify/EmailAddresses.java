package pe.gob.munlima.convoca.notify;

import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Checks an e-mail address before it is stored, so a typo is refused at once with a clear
 * message instead of ending, days later, as a dead letter.
 */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	/**
	 * The address, trimmed; empty when it is not a plain address with a domain (the
	 * caller refuses it in its own words).
	 */
	public static Optional<String> check(String email) {
		String candidate = email == null ? "" : email.strip();
		try {
			InternetAddress address = new InternetAddress(candidate, true);
			address.validate();
			String value = address.getAddress();
			int at = value.lastIndexOf('@');
			// A plain address (no "Name <...>"), and a domain with a dot: "ana@munlima"
			// is a typo here, not an intranet host.
			if (!value.equals(candidate) || address.getPersonal() != null || at <= 0 || value.indexOf('.', at) < 0
					|| value.endsWith(".")) {
				throw new AddressException("not a plain address", candidate);
			}
			return Optional.of(value);
		}
		catch (AddressException ex) {
			return Optional.empty();
		}
	}

	/** Lower case, to compare addresses. */
	public static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
