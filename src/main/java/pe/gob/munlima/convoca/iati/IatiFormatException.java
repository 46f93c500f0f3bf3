package pe.gob.munlima.convoca.iati;

/**
 * An IATI file that cannot be read (not IATI, malformed XML, a DOCTYPE, an activity past
 * the caps). The message says where and why, in Spanish, for the run's record; the
 * activities stored before it stay stored, and {@link #report()} says what they were.
 */
public class IatiFormatException extends RuntimeException {

	private final transient IatiReport report;

	IatiFormatException(String message) {
		this(message, null, null);
	}

	IatiFormatException(String message, Throwable cause) {
		this(message, cause, null);
	}

	private IatiFormatException(String message, Throwable cause, IatiReport report) {
		super(message, cause);
		this.report = report;
	}

	/** The same failure, with what the import had read and stored before it. */
	IatiFormatException with(IatiReport report) {
		IatiFormatException with = new IatiFormatException(getMessage(), getCause(), report);
		with.setStackTrace(getStackTrace());
		return with;
	}

	/** What was read and stored before the file broke, or null when nothing was. */
	public IatiReport report() {
		return this.report;
	}

}
