/**
 * Crawling: the source definitions of the top-level {@code crawlers/} folder (one YAML
 * file per funder source), one Quartz job per source scheduled from its cron expression,
 * polite HTTP fetching, and extraction of raw calls that the call module normalises and
 * stores. The office can also import a feed file it received by e-mail.
 */
package pe.gob.munlima.convoca.crawl;
