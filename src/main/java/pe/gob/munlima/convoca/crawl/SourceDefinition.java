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
 */
record SourceDefinition(String id, String funder, String kind, String url, String language, Schedule schedule,
		String checked) {

	/**
	 * @param cron Quartz cron expression (seconds first)
	 * @param zone time zone of the cron expression, America/Lima by default
	 */
	record Schedule(String cron, String zone) {
	}

}
