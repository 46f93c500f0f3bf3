package pe.gob.munlima.convoca.crawl;

/**
 * The outcome of a polite fetch.
 *
 * @param body the page, or null when it did not change since the last fetch
 * @param unchangedBy why nothing was downloaded or parsed: "304" (the server said so) or
 * "hash" (same bytes as last time); null when the body is new
 * @param state what to remember of the URL once the body has been used successfully
 */
record Fetched(byte[] body, String unchangedBy, FetchStates.FetchState state) {

	boolean changed() {
		return this.unchangedBy == null;
	}

}
