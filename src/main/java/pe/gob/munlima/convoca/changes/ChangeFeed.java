package pe.gob.munlima.convoca.changes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the change log for this node's followers. At start it asks each follower where it
 * stands and applies everything after that before the application goes on starting (so
 * health turns UP on a caught-up node); then one thread LISTENs on its own connection and
 * reads the log whenever a commit notifies it, or every
 * {@code convoca.changes.poll-interval} (a notification is lost when the connection
 * drops; the poll also reconnects). The same thread prunes old entries now and then.
 * <p>
 * The listening connection is borrowed from the pool for as long as the node runs: one of
 * its connections is this thread's.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	private final ChangeLog changes;

	private final DataSource dataSource;

	private final ObjectProvider<ChangeFollower> provider;

	private final ChangeProperties properties;

	private final Map<ChangeFollower, ChangeCursor> cursors = new ConcurrentHashMap<>();

	private volatile boolean running;

	private volatile Thread thread;

	/** System.nanoTime() of the next pruning. */
	private long nextPrune;

	ChangeFeed(ChangeLog changes, DataSource dataSource, ObjectProvider<ChangeFollower> followers,
			ChangeProperties properties) {
		this.changes = changes;
		this.dataSource = dataSource;
		this.provider = followers;
		this.properties = properties;
	}

	/**
	 * Places every follower and catches each up before returning: a node that was down
	 * applies what it missed here, without a rebuild.
	 */
	@Override
	public void start() {
		List<ChangeFollower> followers = this.provider.orderedStream().toList();
		long end = -1;
		for (ChangeFollower follower : followers) {
			OptionalLong resume = follower.resumeAfter();
			long start;
			if (resume.isPresent()) {
				start = resume.getAsLong();
			}
			else {
				if (end < 0) {
					end = this.changes.settledEnd(this.properties.settleWait());
				}
				start = end;
				follower.appliedUpTo(start);
			}
			this.cursors.put(follower, new ChangeCursor(start));
			try {
				int caughtUp = catchUp(follower);
				log.info("Change log: {} follows from seq {} ({} entries caught up at start)", follower.name(), start,
						caughtUp);
			}
			catch (RuntimeException ex) {
				// The node starts anyway; the feed's thread tries again.
				log.error("Change log: {} could not catch up from seq {}", follower.name(), start, ex);
			}
		}
		this.nextPrune = System.nanoTime();
		this.running = true;
		Thread listener = new Thread(this::listen, "change-feed");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
	}

	/**
	 * Reads and applies everything new for one follower, batch after batch, until the log
	 * has nothing more for it.
	 * @return the entries of its kinds it applied
	 */
	public int catchUp(ChangeFollower follower) {
		ChangeCursor cursor = this.cursors.get(follower);
		if (cursor == null) {
			throw new IllegalStateException(follower.name() + " does not follow the change log");
		}
		int applied = 0;
		synchronized (cursor) {
			while (true) {
				ChangeLog.Read read = this.changes.read(cursor, this.properties.batchSize());
				List<Change> wanted = new ArrayList<>();
				for (Change change : read.changes()) {
					if (follower.kinds().contains(change.kind())) {
						wanted.add(change);
					}
				}
				if (!wanted.isEmpty()) {
					follower.apply(wanted);
					applied += wanted.size();
				}
				long before = cursor.applied();
				cursor.advance(read.changes(), read.xmin(), read.xmax());
				if (cursor.applied() != before) {
					follower.appliedUpTo(cursor.applied());
				}
				// Fewer than a batch: the rest were gaps that filled, or nothing; what
				// comes
				// next comes with a notification.
				if (read.changes().size() < this.properties.batchSize()) {
					return applied;
				}
			}
		}
	}

	/** Where a follower stands, or -1 when it does not follow. */
	public long position(ChangeFollower follower) {
		ChangeCursor cursor = this.cursors.get(follower);
		if (cursor == null) {
			return -1;
		}
		synchronized (cursor) {
			return cursor.applied();
		}
	}

	private void listen() {
		Connection connection = null;
		while (this.running) {
			try {
				if (connection == null) {
					connection = this.dataSource.getConnection();
					connection.setAutoCommit(true);
					try (Statement listen = connection.createStatement()) {
						listen.execute("LISTEN " + ChangeLog.CHANNEL);
					}
				}
				// Read after LISTEN took effect: a change committed in between is found
				// now, later ones notify.
				followAll();
				pruneWhenDue();
				connection.unwrap(PGConnection.class).getNotifications((int) this.properties.pollInterval().toMillis());
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					break;
				}
				log.warn("Change log not read ({}); trying again in {}", ex.toString(), this.properties.pollInterval());
				close(connection);
				connection = null;
				pause();
			}
		}
		close(connection);
	}

	private void followAll() {
		for (ChangeFollower follower : this.cursors.keySet()) {
			try {
				catchUp(follower);
			}
			catch (RuntimeException ex) {
				// The others go on; this one tries again at the next wake-up.
				log.error("Change log: {} failed to apply changes after seq {}", follower.name(), position(follower),
						ex);
			}
		}
	}

	private void pruneWhenDue() {
		long now = System.nanoTime();
		if (now - this.nextPrune < 0) {
			return;
		}
		this.nextPrune = now + this.properties.pruneInterval().toNanos();
		int removed = this.changes.prune(this.properties.retention());
		if (removed > 0) {
			log.info("Change log: {} entries older than {} pruned", removed, this.properties.retention());
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.properties.pollInterval().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private static void close(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			log.debug("Listening connection not closed cleanly: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listener = this.thread;
		if (listener != null) {
			listener.interrupt();
			try {
				listener.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
