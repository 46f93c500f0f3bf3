package pe.gob.munlima.convoca.crawl;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One problem of a run that did not stop it: a page or an item that could not be read, a
 * link to a host the definition does not name.
 *
 * @param location the page URL or the item's id
 * @param message why, in Spanish
 */
@Embeddable
record RunError(@Column(name = "location") String location, @Column(name = "message") String message) {

}
