/**
 * IATI activities: what donors report they fund, kept apart from calls (an activity is
 * not a call; nobody applies to it and no rule judges it). Sources of kind {@code iati}
 * in {@code crawlers/} are fetched by the crawl module like any other source (scheduled,
 * polite, with runs); it hands each fetched body to {@link IatiImport}, which reads it as
 * a stream ({@code ActivityReader}: IATI 2.0x, 1.0x and the Datastore v1 API wrapper) and
 * stores it in batches ({@code ActivityStore}, tables of V78) — a re-import updates by
 * iati-identifier, an unchanged activity is not written, a malformed file is a clear
 * error that keeps what was stored. Every import says what it read and stored, part by
 * part ({@link IatiReport}), so "without loss" is a number in the run's record.
 * <p>
 * {@link IatiActivities} answers what a donor funds in Peru or Latin America by theme,
 * DAC sector and sub-national location, and its activities in pipeline (status 1) as an
 * early warning; {@code GET /api/donors/activities} serves it to any logged-in user.
 * <p>
 * Data, in {@code index/}: {@code iati/codes.yaml} (the code lists Convoca shows, with
 * Spanish labels, checked against the standard's lists by a test),
 * {@code iati-sectors.yaml} (DAC sector → theme) and {@code iati-organisations.yaml}
 * (IATI organisation identifiers → Convoca funder).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "problem" })
package pe.gob.munlima.convoca.iati;
