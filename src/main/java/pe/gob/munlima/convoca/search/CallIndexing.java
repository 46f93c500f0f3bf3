package pe.gob.munlima.convoca.search;

import java.util.Map;
import java.util.Optional;

import pe.gob.munlima.convoca.call.CallView;

/**
 * What following the change log needs from a search engine: apply a batch of changed
 * calls durably together with the seq they bring it to, and say after a restart which seq
 * that was. The Lucene index ({@link CallIndex}) keeps the seq in its commit user data.
 * <p>
 * This is the seam for an external engine: an OpenSearch implementation would send the
 * batch as one {@code _bulk} request and keep the seq in a document of its own (one
 * shared index then serves every node, so only one node need follow the log for it, e.g.
 * the one holding a PostgreSQL advisory lock); {@link CallSearch} would translate a
 * {@link SearchRequest} into its query DSL.
 */
interface CallIndexing {

	/** The change-log seq the index reflects, or null when it does not know. */
	Long appliedSeq();

	/**
	 * Writes the calls (a missing one is removed from the index) and records {@code seq}
	 * (null: the seq stays as it was), in one commit, visible to searches when it
	 * returns.
	 */
	void apply(Map<Long, Optional<CallView>> calls, Long seq);

}
