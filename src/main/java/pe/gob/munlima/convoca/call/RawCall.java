package pe.gob.munlima.convoca.call;

import java.time.Instant;

/**
 * A call as a source shows it, before normalisation.
 *
 * @param externalId the source's own id for the item (feed guid, API id); with the source
 * id it is the call's stable key
 * @param summaryHtml the item's description as published; sanitised before it is stored
 */
public record RawCall(String externalId, String title, String link, String summaryHtml, Instant publishedAt) {

}
