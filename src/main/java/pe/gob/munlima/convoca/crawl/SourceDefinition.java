package pe.gob.munlima.convoca.crawl;

/**
 * One source as its YAML file in {@code crawlers/} declares it.
 *
 * @param id stable identifier, also the file name without .yaml
 * @param funder who publishes the calls (shown to users)
 * @param kind how to read it: rss or atom
 * @param url the feed's address
 * @param language ISO 639-1 code of the calls, or null to detect it per call
 * @param schedule when to crawl
 * @param checked what of this definition was checked against real data, and how
 * @param politeness overrides of the crawler's manners for this source, or null
 */
record SourceDefinition(String id, String funder, String kind, String url, String language, Schedule schedule,
		String checked, Politeness politeness) {

	/** The delay between requests to this source's host, or null for the default. */
	java.time.Duration hostDelay() {
		return this.politeness == null || this.politeness.delaySeconds() == null ? null
				: java.time.Duration.ofSeconds(this.politeness.delaySeconds());
	}

	/**
	 * @param delaySeconds seconds between two requests to the host (at least 1)
	 */
	record Politeness(Integer delaySeconds) {
	}

	/**
	 * @param cron Quartz cron expression (seconds first)
	 * @param zone time zone of the cron expression, America/Lima by default
	 */
	record Schedule(String cron, String zone) {
	}

}
