package pe.gob.munlima.convoca.donor;

import java.time.Instant;
import java.util.List;

/**
 * A donor in the list of donors.
 *
 * @param names every spelling its calls give, the most frequent first
 * @param calls how many calls name it
 * @param lastSeenAt the last time one of them was seen at its source
 */
public record DonorSummary(String key, String name, List<String> names, long calls, Instant lastSeenAt) {

}
