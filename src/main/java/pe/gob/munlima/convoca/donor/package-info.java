/**
 * Donors: who funds what for cities like Lima, read from what Convoca already holds.
 *
 * <p>
 * A donor is a funder as the calls name it; names that differ only in case, accents or
 * punctuation are one donor ({@link pe.gob.munlima.convoca.call.NameKeys}).
 * {@link Donors} builds a donor's page from the calls Convoca saw (their amounts, themes
 * and the applicants they admit) and from Lima's applications and awards with it (the
 * tracking module). {@link DonorRanking} orders the donors for a project or a gerencia:
 * which ones to approach first, and the evidence behind each place in the list; its
 * weights are data ({@code convoca.donor.ranking}).
 *
 * <p>
 * The module only reads: it stores nothing and publishes no event, so a donor page is
 * always as current as the calls and applications it is built from.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "call", "iati", "problem", "programme", "project", "requirement", "tracking" })
package pe.gob.munlima.convoca.donor;
