/**
 * Full-text search over calls with Apache Lucene. The index is derived from the database:
 * every stored call is indexed after its transaction commits, and a missing, corrupt or
 * stale index is rebuilt from the database at start-up.
 */
package pe.gob.munlima.convoca.search;
