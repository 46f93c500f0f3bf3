/**
 * Programmes (issue 16): calls that are rounds of one donor programme, year after year,
 * and the window the next round is expected in.
 * <p>
 * <b>Grouping.</b> Every stored call ({@link pe.gob.munlima.convoca.call.CallStored}, and
 * at start-up those not yet grouped) joins the programme of its funder one of whose
 * rounds it is most like, or starts its own: the same funder is required, then the
 * weighted signals of {@code index/programmes.yaml} add up — the donor's reference
 * without years and round numbers, the programme the source names, title likeness once
 * years, ordinals and round words (es/en/fr/pt) are removed, the same source — and a
 * disagreeing reference or programme name subtracts. No signal but the reference merges
 * alone: a wrong merge is worse than a missed one. Duplicates (one call on two sources)
 * are the call module's; here the calls differ. The grouping is kept in {@code programme}
 * and {@code programme_round} (V80); an administrator splits and merges ({@code POST
 * /api/admin/programmes/{id}/split|merge}), and the signals never move those rounds
 * again.
 * <p>
 * <b>Forecast.</b> From when the rounds opened (or their deadline less the programme's
 * typical window), the cadence (yearly — skipped years allowed and counted —, every two
 * years, twice a year), the expected month, the windows that passed without a round, and
 * a confidence (alta / media / baja: how many windows kept the month). Computed when
 * read, so a new round in the window fulfils the expectation at once. Sentences come from
 * the message bundles ({@code programme.*}).
 * <p>
 * <b>Where it shows.</b> {@code /programas} and {@code /programas/{id}} (rounds: opened,
 * closed, amounts, what changed, Lima's applications and awards from the tracking
 * module), {@code GET /api/programmes}, {@code /api/programmes/{id}},
 * {@code /api/programmes/soon}; the call page (link, a
 * {@link pe.gob.munlima.convoca.call.CallPageSection}) and the project page ("Se abrirán
 * pronto", a {@link pe.gob.munlima.convoca.project.ProjectPageSection}), with the
 * fragments of {@code templates/programmes/sections.html}; the alert module's digest and
 * ICS calendar through {@link Programmes#soon()}. "Soon" means the window starts within
 * the lead time ({@code rules/parameters.yaml} leadDays) plus {@code forecast.soonDays};
 * "fits" is the match module's {@link pe.gob.munlima.convoca.match.SubjectFit} on the
 * last round.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "call", "match", "problem", "project", "requirement", "rules", "tracking" })
package pe.gob.munlima.convoca.programme;
