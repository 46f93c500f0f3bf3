/**
 * Full-text search over calls with Apache Lucene: per-language analysis (es, en, fr, pt)
 * plus a neutral field, a multilingual thesaurus applied at query time, facets, range
 * filters, sorting, highlighted snippets and CSV export.
 * <p>
 * The index is derived from the database. Every node keeps its own index and follows the
 * change log ({@link pe.gob.munlima.convoca.changes}): each call stored, changed or
 * closed through any node is re-read and indexed, in seq order, within moments of its
 * commit ({@link pe.gob.munlima.convoca.search.IndexFollower}); the node that stored it
 * also indexes it right after the commit, so it finds its own writes at once (a plain
 * transaction listener, not one of the event publication registry, which would run it on
 * one node only: {@link pe.gob.munlima.convoca.changes}). The seq reached is committed
 * with the documents (commit user data), so a node that was stopped catches up at
 * start-up, before health says search is UP, without a rebuild. A missing, corrupt or
 * older-schema index, or one that cannot say where it stands in the log (no seq, before
 * what the log keeps, ahead of it), is rebuilt from the database at start-up; an
 * administrator's rebuild writes a new generation folder and swaps it in while searches
 * go on. A thesaurus reload on any node reloads it on every node.
 * <p>
 * Indexing goes through {@link pe.gob.munlima.convoca.search.CallIndexing} (a batch of
 * calls with the seq it brings the index to): the seam where an external engine such as
 * OpenSearch would replace Lucene for deployments of many nodes or millions of calls
 * (README, "Several nodes on one PostgreSQL").
 * <p>
 * The amount filter and sort compare whole USD, converted when a call is indexed with the
 * latest table of {@code rules/parameters.yaml}
 * ({@link pe.gob.munlima.convoca.money.ExchangeRates}, the tables the rules and reports
 * read); a call in a currency the table lacks has no USD amount and is left out of amount
 * ranges.
 * <p>
 * Pages: Convocatorias ({@code /convocatorias}: the same search, with facets to click,
 * filters to remove, ranges, sorting, paging and the CSV link) and Administración ›
 * Índice ({@code /admin/indice}: state, rebuild with progress, thesaurus reload).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "call", "changes", "export", "money", "requirement" })
package pe.gob.munlima.convoca.search;
