/**
 * Calls for funding (convocatorias): the model, the normalisers that turn what a source
 * says into facts (deadline, applicant types, geographies, themes, reimbursable), and the
 * store that upserts them by a stable key. Storing a new or changed call publishes a
 * {@link pe.gob.munlima.convoca.call.CallStored} event that search and matching follow.
 */
package pe.gob.munlima.convoca.call;
