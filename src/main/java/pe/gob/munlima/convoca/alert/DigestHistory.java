package pe.gob.munlima.convoca.alert;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** What other modules may know of the digests sent: the Panel shows the last one. */
@Service
public class DigestHistory {

	private final DigestRuns runs;

	DigestHistory(DigestRuns runs) {
		this.runs = runs;
	}

	/** The latest digest period that ran, or empty before the first. */
	public Optional<LastDigest> last() {
		return this.runs.recent(1)
			.stream()
			.findFirst()
			.map(run -> new LastDigest(run.period(), run.createdAt(), run.messages(), run.newMatches()));
	}

	/**
	 * @param period the ISO week, e.g. 2026-W48
	 * @param ranAt when it was recorded (its e-mails leave through the outbox right
	 * after)
	 * @param messages e-mails recorded for it: the office list and each gerencia's digest
	 * @param newMatches new matches it announced
	 */
	public record LastDigest(String period, Instant ranAt, int messages, int newMatches) {
	}

}
