package pe.gob.munlima.convoca;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves: the application's "now" for calls detected on one day and
 * applications submitted weeks later, without sleeping.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	public MutableClock(Instant now) {
		this.now = now;
	}

	public void set(Instant instant) {
		this.now = instant;
	}

	/** Sets "now" to noon in Lima of an ISO day, e.g. {@code "2027-02-15"}. */
	public void setDay(String day) {
		set(java.time.LocalDate.parse(day).atTime(12, 0).atZone(ZoneId.of("America/Lima")).toInstant());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
