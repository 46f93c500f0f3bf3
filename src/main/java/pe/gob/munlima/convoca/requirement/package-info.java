/**
 * What a call requires of an applicant and a project, as one model: who may apply, where,
 * how much and on what terms, for how long, with whom, in which language, with which
 * registrations, with which instrument; each fact with the words it was read from.
 * {@link pe.gob.munlima.convoca.requirement.Requirements} is written by the call module's
 * reader, stored as one column, read by the rules through their call facts and shown by
 * the call page without naming each fact.
 * <p>
 * A new criterion is a new {@link pe.gob.munlima.convoca.requirement.Fact} component in
 * one group of {@link pe.gob.munlima.convoca.requirement.Requirements}; storage, the API,
 * source merging, the version history, the page and the rule tests' call block follow
 * from its name. What is left is the reader that finds it, the rule file (with its tests)
 * that judges it, and its label and reason texts in the message bundles.
 * <p>
 * This module depends on no other: the call module fills it, the rules read it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package pe.gob.munlima.convoca.requirement;
