/**
 * Full-text search over calls with Apache Lucene: per-language analysis (es, en, fr, pt)
 * plus a neutral field, a multilingual thesaurus applied at query time, facets, range
 * filters, sorting, highlighted snippets and CSV export.
 * <p>
 * The index is derived from the database. Every stored call is indexed after its
 * transaction commits and is searchable at once; a missing, corrupt or older-schema index
 * is rebuilt from the database at start-up; an administrator's rebuild writes a new
 * generation folder and swaps it in while searches go on.
 * <p>
 * Pages: Convocatorias ({@code /convocatorias}: the same search, with facets to click,
 * filters to remove, ranges, sorting, paging and the CSV link) and Administración ›
 * Índice ({@code /admin/indice}: state, rebuild with progress, thesaurus reload).
 */
package pe.gob.munlima.convoca.search;
