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
 * {@link RuleParameters} reads {@code rules/parameters.yaml} with the set and gives the
 * values in force on the day judged; its exchange rates are the
 * {@link pe.gob.munlima.convoca.money.ExchangeRates} of the money module (the same tables
 * the search index and the reports use), amounts the rules compare in USD.
 * <p>
 * Several nodes: every activation, rollback or folder edit is a row of
 * {@code rule_version} with its files, and the change log announces it to every node
 * ({@link RuleFollower}), which compiles and tests the same files, activates them and
 * writes them into its own rules folder; only the activating node records the version and
 * publishes {@link RuleSetActivated} (the re-match is done once, in the shared database).
 * A node that starts with a set that was active once but is no longer takes the newest
 * recorded set.
 * <p>
 * Pages: Administración › Reglas ({@code /admin/reglas}): files, an editor that shows
 * compile errors at their line, drafts, activation and rollback (ADMIN), history and
 * audit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "changes", "money", "requirement" })
package pe.gob.munlima.convoca.rules;
