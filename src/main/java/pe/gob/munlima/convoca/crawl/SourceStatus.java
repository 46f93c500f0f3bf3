package pe.gob.munlima.convoca.crawl;

/**
 * How a source is doing.
 *
 * @param state UP, DOWN (the last three runs failed) or NEVER_RUN
 * @param failuresInARow failed runs since the last one that succeeded
 */
record SourceStatus(String sourceId, String state, RunReport lastRun, int failuresInARow) {

}
