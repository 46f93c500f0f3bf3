package pe.gob.munlima.convoca.call;

import java.time.Instant;

/**
 * One source that lists a call, with its link. A call found on a funder's site and on an
 * aggregator has two.
 *
 * @param role FUNDER or AGGREGATOR: when they disagree, the funder's own values win
 * @param goneAt when a complete listing of the source stopped showing the call, or null
 */
public record CallLink(String sourceId, String externalId, String url, SourceInfo.SourceRole role, Instant firstSeenAt,
		Instant lastSeenAt, Instant goneAt) {

}
