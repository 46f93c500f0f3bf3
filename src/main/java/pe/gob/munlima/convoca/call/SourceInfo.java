package pe.gob.munlima.convoca.call;

import java.time.ZoneId;

/**
 * Who published a batch of raw calls.
 *
 * @param language ISO 639-1 code when the source declares it, or null to detect it
 * @param zone zone for deadlines that do not state one
 */
public record SourceInfo(String sourceId, String funder, String language, ZoneId zone) {

}
