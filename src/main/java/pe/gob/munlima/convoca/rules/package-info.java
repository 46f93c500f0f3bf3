/**
 * Eligibility rules. The DRL files in the top-level {@code rules/} folder are compiled
 * into an immutable KieBase that is swapped atomically when a new rule set compiles;
 * every evaluation runs in its own stateless session over four facts ({@link CallFacts},
 * {@link ProjectFacts}, {@link ApplicantFacts}, {@link EvaluationContext}) and collects
 * {@link Reason}s in a {@link Findings} fact. Projects are facts, never generated rules,
 * so adding a project compiles nothing.
 */
package pe.gob.munlima.convoca.rules;
