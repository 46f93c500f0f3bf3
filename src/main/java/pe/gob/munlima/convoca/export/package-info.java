/**
 * Downloads as spreadsheets: a {@link pe.gob.munlima.convoca.export.Table} written as CSV
 * ({@link pe.gob.munlima.convoca.export.Csv}: UTF-8, safe against formula injection) or
 * as XLSX ({@link pe.gob.munlima.convoca.export.Xlsx}). Used by search results and
 * reports, so every download of Convoca follows the same conventions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package pe.gob.munlima.convoca.export;
