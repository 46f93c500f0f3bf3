package pe.gob.munlima.convoca.call;

import java.time.ZoneId;

/**
 * Who published a batch of raw calls.
 *
 * @param language ISO 639-1 code when the source declares it, or null to detect it
 * @param zone zone for dates that do not state one
 * @param locale BCP 47 tag of the source's country conventions ("en-US", "es-CO"), or
 * null: it decides whether "05/03/2026" is day or month first and what a bare "$" means;
 * without it such dates and amounts stay unknown
 * @param role whether the source is the funder's own or an aggregator: when both list one
 * call, the funder's own values win
 */
public record SourceInfo(String sourceId, String funder, String language, ZoneId zone, String locale, SourceRole role) {

	public SourceInfo {
		if (role == null) {
			role = SourceRole.FUNDER;
		}
	}

	/** A funder's own source without stated country conventions. */
	public SourceInfo(String sourceId, String funder, String language, ZoneId zone) {
		this(sourceId, funder, language, zone, null, SourceRole.FUNDER);
	}

	/**
	 * Whose word counts when two sources list the same call: the funder's own site or API
	 * first, then an aggregator that re-publishes many funders' calls.
	 */
	public enum SourceRole {

		FUNDER, AGGREGATOR

	}

}
