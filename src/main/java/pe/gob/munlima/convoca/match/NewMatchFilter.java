package pe.gob.munlima.convoca.match;

/**
 * A reason to leave a new match out of the lines of the Panel and the digest: it stays
 * counted and listed behind "ver todas". Every bean of this type is asked, and a pair is
 * shown only when all of them agree, so another reason (a gerencia's "no aplica", say) is
 * one more bean, in whichever module owns it.
 */
public interface NewMatchFilter {

	/** Whether this new match deserves a line of its own. */
	boolean shows(NewMatchSignal.Candidate candidate);

	/**
	 * The filter for one selection of new matches: a filter that reads the database reads
	 * it once here, not once per candidate.
	 */
	default NewMatchFilter forSelection() {
		return this;
	}

}
