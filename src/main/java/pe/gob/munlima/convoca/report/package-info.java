/**
 * Benefit reports: for a period and optionally a gerencia, funder or theme, how many
 * calls Convoca detected, how the matches were judged, how far applications got, the
 * success rate, the money requested and obtained (in PEN and USD, with the dated rate
 * table of {@code rules/parameters.yaml}), the requirements Lima most often fails, and
 * the time from detection to submission. As JSON ({@code GET /api/reports/summary}), CSV
 * and XLSX downloads, and a page with charts ({@code /informes}). Reads the other modules
 * through their public APIs only; stores nothing.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "call", "export", "match", "money", "project", "rules", "tracking" })
package pe.gob.munlima.convoca.report;
