package pe.gob.munlima.convoca.crawl;

/**
 * The outcome of a polite fetch. Close it once the body was read (a large body lives in a
 * temporary file).
 *
 * @param body the response, or null when it did not change since the last fetch
 * @param unchangedBy why nothing was downloaded or parsed: "304" (the server said so) or
 * "hash" (same bytes as last time); null when the body is new
 * @param state what to remember of the URL once the body has been used successfully
 * @param key what the state is remembered by (the URL, and the body of a POST)
 */
record Fetched(Body body, String unchangedBy, FetchStates.FetchState state, String key) implements AutoCloseable {

	boolean changed() {
		return this.unchangedBy == null;
	}

	/** The body in memory; for kinds read whole, whose size the fetch cap bounds. */
	byte[] bytes() {
		return this.body.bytes();
	}

	@Override
	public void close() {
		if (this.body != null) {
			this.body.close();
		}
	}

}
