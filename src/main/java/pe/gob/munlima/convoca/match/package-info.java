/**
 * Matching: every stored call is judged by the eligibility rules against every active
 * project, and the verdict with its reasons is kept as a Match. Project owners ask for a
 * project's matches or for a fresh evaluation of one call and one project.
 * <p>
 * Pages that show verdicts live here: "¿Mi proyecto califica?"
 * ({@code /proyectos/califica}), the dry run of draft rules and the re-match
 * ({@code /admin/reglas/simulacion}, {@code /admin/reglas/reevaluar}). The pages of a
 * call, a project and a gerencia belong to the call and project modules; this module adds
 * their verdicts as sections ({@link pe.gob.munlima.convoca.call.CallPageSection},
 * {@link pe.gob.munlima.convoca.project.ProjectPageSection},
 * {@link pe.gob.munlima.convoca.project.GerenciaPageSection}; the fragments are in
 * {@code templates/matches/sections.html}). {@link pe.gob.munlima.convoca.match.Matches}
 * tells the Panel what is new; {@link pe.gob.munlima.convoca.match.NewMatchSignal} groups
 * the new matches by call for the Panel and the digest, says a call's doubts once, and
 * marks the pairs every {@link pe.gob.munlima.convoca.match.NewMatchFilter} lets through
 * (the relevance floor, {@code convoca.match.signal.*}).
 * <p>
 * A stored or changed call, and a created or edited project, are judged right after they
 * commit, in the thread that stored them; the event publication registry keeps each until
 * it was judged, retries a failure and resumes it after a stop
 * ({@link pe.gob.munlima.convoca.changes}). Every verdict that moves (a new pair, another
 * verdict, other reasons) is published as
 * {@link pe.gob.munlima.convoca.match.MatchJudged} with the verdict before and after; the
 * alerts keep their own record from it. Nothing is judged before Lima's organisation
 * profile exists (the applicant every rule judges); the matcher logs a warning once when
 * it meets none.
 * <p>
 * The gerencias answer their matches here too: "nos interesa" or "no aplica" with a
 * reason of {@code convoca.match.answers.reasons} (on the project's and the call's pages,
 * {@code /api/matches/{matchId}/answers}), and the subgerencia reads who answered what
 * ({@code /respuestas}, {@code /api/answers}). A "no aplica" keeps the pair out of the
 * Panel's new matches and, through
 * {@link pe.gob.munlima.convoca.match.MatchFeed#dismissed()}, out of the digest while its
 * verdict stays the one answered; {@link pe.gob.munlima.convoca.match.MatchAnswered} lets
 * application tracking start the application of a "nos interesa".
 * <p>
 * "¿Mi proyecto califica?" judges against the open calls held in memory
 * ({@link pe.gob.munlima.convoca.match.OpenCalls}: facts and percolation scores per rule
 * set, kept current by the call events) and is admitted by
 * {@link pe.gob.munlima.convoca.match.CheckGate}: a few checks at once, a short bounded
 * wait, otherwise 503 with Retry-After ({@code convoca.match.check.*}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "call", "changes", "problem", "project",
		"requirement", "rules", "security", "validation" })
package pe.gob.munlima.convoca.match;
