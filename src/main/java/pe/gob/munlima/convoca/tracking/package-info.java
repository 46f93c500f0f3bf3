/**
 * Tracking: what Lima did with each match, from "identificada" to "adjudicada".
 *
 * <p>
 * Every match can become an application that moves through the stages of
 * {@link pe.gob.munlima.convoca.tracking.Stage} (identified, evaluating, applying,
 * submitted, awarded, not awarded, discarded), each move kept with who made it and when;
 * a stage brings its checklist of tasks (the rules' findings turned into work, with
 * owners and internal due dates), and an award records what the funder granted and the
 * document that says so. Other modules read it through
 * {@link pe.gob.munlima.convoca.tracking.Applications} and follow
 * {@link pe.gob.munlima.convoca.tracking.ApplicationStageChanged}; the reports count from
 * {@link pe.gob.munlima.convoca.tracking.ApplicationRecord}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "call", "match", "money", "problem", "project", "rules", "security", "validation" })
package pe.gob.munlima.convoca.tracking;
