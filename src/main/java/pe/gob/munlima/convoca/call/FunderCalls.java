package pe.gob.munlima.convoca.call;

import java.time.Instant;

/**
 * A funder as the calls name it, and how much Convoca saw of it.
 *
 * @param funder the name as written in the calls
 * @param calls how many calls name it
 * @param lastSeenAt the last time one of them was seen at its source
 */
public record FunderCalls(String funder, long calls, Instant lastSeenAt) {

}
