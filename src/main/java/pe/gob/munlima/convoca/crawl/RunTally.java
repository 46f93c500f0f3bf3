package pe.gob.munlima.convoca.crawl;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One part of what a run read against what it stored (an IATI source: activities,
 * sectors, locations, transactions ...): equal numbers mean nothing was lost; a
 * difference is explained in the run's errors.
 *
 * @param part what is counted
 * @param read elements of that part read in the fetched pages
 * @param stored of them, stored
 */
@Embeddable
record RunTally(@Column(name = "part") String part, @Column(name = "read") int read,
		@Column(name = "stored") int stored) {

}
