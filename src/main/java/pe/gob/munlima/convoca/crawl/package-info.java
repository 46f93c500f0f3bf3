/**
 * Crawling: the source definitions of the top-level {@code crawlers/} folder (one YAML
 * file per funder source, validated on load and reloaded on edit), one Quartz job per
 * source scheduled from its cron expression, polite and safe HTTP fetching
 * ({@link pe.gob.munlima.convoca.crawl.Fetcher}), one extractor per kind of source (html,
 * rss/atom, json-api, xml, csv, markdown) behind a small interface, a paged crawl with
 * detail pages and filters, and the record of every run. The raw calls go to the call
 * module, which normalises and stores them. A source of kind {@code iati} is fetched,
 * paged and recorded the same way, but its pages are IATI activity files: each body goes
 * whole to the iati module ({@link pe.gob.munlima.convoca.crawl.IatiPages}), never to the
 * call module, and the run records what it read and stored, part by part
 * ({@link pe.gob.munlima.convoca.crawl.RunTally}). The office can also import a feed file
 * it received by e-mail ({@link pe.gob.munlima.convoca.crawl.FeedImports}): a large one
 * runs in the background as a run of kind IMPORT, with its progress, and like every run
 * it is marked INTERRUPTED at start-up when its process died.
 * <p>
 * Pages: Administración › Fuentes ({@code /admin/fuentes}): states, runs, run now (in the
 * background, progress on the page), test, import.
 * {@link pe.gob.munlima.convoca.crawl.CrawlActivity} tells the Panel how the sources are
 * doing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "call", "changes", "iati", "validation" })
package pe.gob.munlima.convoca.crawl;
