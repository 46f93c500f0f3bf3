/**
 * Calls for funding (convocatorias): the model, the normalisers that turn what a source
 * says into facts (structured fields first, then the text: key dates, money, language,
 * applicant types, geographies, themes, instrument), dedup across sources, the version
 * history, and closing. {@link pe.gob.munlima.convoca.call.CallIntake} is the way in:
 * storing a new or changed call publishes {@link pe.gob.munlima.convoca.call.CallStored},
 * a call that closes publishes {@link pe.gob.munlima.convoca.call.CallClosed}; search,
 * matching and alerts follow them. Triggers on the tables {@code call},
 * {@code call_key_date} and {@code call_source} also write each change into the change
 * log every node follows ({@link pe.gob.munlima.convoca.changes}; V70): nothing here
 * needs to call it, and a column added or renamed needs no change there.
 * <p>
 * What the reader knows is data this module owns, in the folder {@code reading/}
 * ({@code convoca.calls.vocabulary-file}): the vocabulary, countries, source codes, and
 * since issue 15 the month, weekday, time-zone and currency names that were constants of
 * the date and amount parsers. They are read once at start-up into one {@code Vocabulary}
 * (its patterns compiled there, since a reader is made for every call read), and a broken
 * file stops the start naming the file and the entry.
 * <p>
 * Pages: a call's page ({@code /convocatorias/{id}}: its facts, where each was read, its
 * history, and the office's corrections, with the form for the subgerencia). What other
 * modules know of a call they add to the page as a
 * {@link pe.gob.munlima.convoca.call.CallPageSection}, a bean with a Thymeleaf fragment
 * that this page includes by name, in order, under the title or in the body: the match
 * module's verdicts of every project and gerencia, the programme module's link to the
 * programme the call is a round of. The call module so serves the page without knowing
 * those modules, which depend on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "problem", "requirement", "security" })
package pe.gob.munlima.convoca.call;
