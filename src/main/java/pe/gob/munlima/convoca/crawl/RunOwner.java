package pe.gob.munlima.convoca.crawl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * The process a crawl run belongs to, stored with the run as {@code host:pid:start}: the
 * process start (epoch ms) tells a dead process from a new one that got the same pid.
 *
 * @param host the machine's name
 * @param pid the process id
 * @param startedAt when the process started (epoch ms), 0 when the platform does not say
 */
record RunOwner(String host, long pid, long startedAt) {

	private static final RunOwner CURRENT = of(ProcessHandle.current());

	static RunOwner current() {
		return CURRENT;
	}

	static RunOwner of(ProcessHandle process) {
		return new RunOwner(hostName(), process.pid(),
				process.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
	}

	/** Null or malformed (a run recorded before owners were): empty. */
	static Optional<RunOwner> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		int last = value.lastIndexOf(':');
		int middle = last < 0 ? -1 : value.lastIndexOf(':', last - 1);
		if (middle <= 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(new RunOwner(value.substring(0, middle),
					Long.parseLong(value.substring(middle + 1, last)), Long.parseLong(value.substring(last + 1))));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether this process is certainly gone: it ran on this machine, and no process with
	 * its pid and start time lives here now. A process of another machine may be alive.
	 */
	boolean deadOnThisHost() {
		if (!this.host.equals(CURRENT.host)) {
			return false;
		}
		if (equals(CURRENT)) {
			return false;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(this.pid).filter(ProcessHandle::isAlive);
		return process.isEmpty() || (this.startedAt != 0 && of(process.get()).startedAt() != this.startedAt);
	}

	@Override
	public String toString() {
		return this.host + ":" + this.pid + ":" + this.startedAt;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			String env = System.getenv("HOSTNAME");
			return env == null || env.isBlank() ? "localhost" : env;
		}
	}

}
