/**
 * The change log several nodes follow (issue 15). Each node keeps state derived from the
 * database in its own memory and folders: the Lucene index, the active rule base, the
 * thesaurus, the source catalogue. The table {@code change_log} records, in the
 * transaction of each change, what changed ({@link Change.Kind} and the id of the thing);
 * PostgreSQL triggers write the entries of calls and rule versions, so no code path can
 * forget them. {@link ChangeFeed} reads the log on every node, in seq order, and hands
 * the entries to the {@link ChangeFollower}s of that node: woken by LISTEN/NOTIFY at
 * once, polling every {@code convoca.changes.poll-interval} in case a notification was
 * lost, and catching up at start-up from where each follower says it stopped.
 * <p>
 * Sequences are handed out when a transaction writes, not when it commits, so a later seq
 * can become visible before an earlier one. A follower's position is therefore "every seq
 * up to here is applied or will never exist": a missing seq is waited for (the entries
 * after it are applied meanwhile) until every transaction that could still hold it has
 * ended ({@link ChangeCursor}). Entries older than {@code convoca.changes.retention} are
 * pruned; a follower that stopped before the pruned part starts over (the index is
 * rebuilt from the database).
 * <p>
 * Two ways for what happens to reach other modules, with different guarantees, and each
 * listener uses the one its state needs. The change log reaches <em>every node</em>:
 * state each node keeps for itself (its index, its open calls, its rule base) follows it.
 * Spring Modulith's event publication registry ({@code event_publication}, V76) reaches
 * <em>one node, once</em>: a listener that writes to the shared database (the matcher,
 * the alerts) is recorded with its event in the publishing transaction and completed when
 * it returns, so what it does happens once however many nodes run. Those are the
 * listeners that run in a transaction of their own ({@code @Transactional}, which every
 * {@code @ApplicationModuleListener} is); a node-local listener (the storing node
 * indexing its own call at once) is not recorded, since the registry would run it on one
 * node only, and the change log mends whatever it misses. Recorded publications are
 * handed over again when a node starts and by {@link PublicationRetries} between starts,
 * so their listeners must find their work done when it already is.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package pe.gob.munlima.convoca.changes;
