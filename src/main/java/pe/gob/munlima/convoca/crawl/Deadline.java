package pe.gob.munlima.convoca.crawl;

import java.time.Duration;

/**
 * A moment after which work must stop, on the monotonic clock: a run's deadline is about
 * real elapsed time, whatever the service's clock says (tests pin it).
 */
final class Deadline {

	static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ZERO);

	private final long endsAt;

	private final Duration length;

	private Deadline(long endsAt, Duration length) {
		this.endsAt = endsAt;
		this.length = length;
	}

	static Deadline after(Duration length) {
		return new Deadline(System.nanoTime() + length.toNanos(), length);
	}

	/** Nanoseconds left, never negative; {@code Long.MAX_VALUE} for no deadline. */
	long remainingNanos() {
		if (this == NONE) {
			return Long.MAX_VALUE;
		}
		return Math.max(0, this.endsAt - System.nanoTime());
	}

	boolean passed() {
		return remainingNanos() == 0;
	}

	/** How long it was set for, to say so in an error. */
	Duration length() {
		return this.length;
	}

}
