/**
 * Eligibility rules. The DRL files in the top-level {@code rules/} folder are compiled
 * into an immutable KieBase that is swapped atomically when a new rule set compiles;
 * every evaluation of a call runs in one stateless session with the call
 * ({@link CallFacts}), Lima ({@link ApplicantFacts}), the context
 * ({@link EvaluationContext}) and any number of projects ({@link ProjectFacts}),
 * collecting {@link Reason}s in {@link CallFindings} (once per call) and, through
 * {@link Findings#about}, in each project's {@link Reasons}. Projects are facts, never
 * generated rules, so adding a project compiles nothing.
 * <p>
 * Pages: Administración › Reglas ({@code /admin/reglas}): files, an editor that shows
 * compile errors at their line, drafts, activation and rollback (ADMIN), history and
 * audit.
 */
package pe.gob.munlima.convoca.rules;
