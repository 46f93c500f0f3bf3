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
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "problem", "requirement" })
package pe.gob.munlima.convoca.call;
