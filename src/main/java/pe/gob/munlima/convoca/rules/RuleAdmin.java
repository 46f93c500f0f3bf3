package pe.gob.munlima.convoca.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The life of a rule set: drafts, dry-run candidates, activation, rollback and edits made
 * straight in the folder. Every step validates (safety, compilation, parameters) and runs
 * the rule test cases before anything replaces the working set; every activation is
 * stored with its files, time and author, and every attempt, refused or not, is audited.
 */
@Service
public class RuleAdmin {

	private static final Logger log = LoggerFactory.getLogger(RuleAdmin.class);

	/**
	 * This node's record of the set its folder last held when active (never a rule file).
	 */
	static final String MARKER = ".active-version";

	/** Files an admin may write: rules, parameters and test cases, nothing else. */
	private static final Pattern FILE_NAME = Pattern
		.compile("[a-z0-9][a-z0-9-]*\\.drl|parameters\\.yaml|tests/[a-z0-9][a-z0-9-]*\\.yaml");

	private final Eligibility eligibility;

	private final RuleStore store;

	private final RuleProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RuleAdmin(Eligibility eligibility, RuleStore store, RuleProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.eligibility = eligibility;
		this.store = store;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records the rule set found at start-up as a version when it is new, and has open
	 * calls judged again when it differs from the last one recorded (the files changed
	 * while the service was down, or it was upgraded).
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	public synchronized void recordStartupVersion() {
		if (this.eligibility.status().isEmpty()) {
			return;
		}
		String version = this.eligibility.status().get().version();
		Optional<RuleVersion> latest = this.store.latest();
		String previous = latest.map(RuleVersion::version).orElse(null);
		if (latest.isPresent() && !version.equals(previous) && version.equals(readMarker())) {
			// The folder is as this node left it, and the database holds a newer set: the
			// other nodes activated it while this node was down. Take it, as a running
			// node would have. (A folder edited by hand while down no longer matches the
			// marker and is activated and recorded below, as before.)
			log.info("Rules folder holds the set {} this node last had; the active set is {} (activated while this "
					+ "node was down)", version, previous);
			follow(latest.get().id());
			return;
		}
		if (!version.equals(previous)) {
			this.store.recordVersion(this.eligibility.active().set(), "system", "STARTUP", null, this.clock.instant());
			this.store.audit("system", "STARTUP", version, null, this.clock.instant());
			if (previous != null) {
				this.events.publishEvent(new RuleSetActivated(version, previous, "system"));
			}
		}
		writeMarker(version);
	}

	/**
	 * Saves an edited file as a draft and reports what the candidate set would fail on. A
	 * file that is too large, holds control characters or (a .drl) fails the allow-list
	 * is refused before it is stored: nothing of it ever runs, and it cannot break a
	 * start-up or a later save.
	 */
	public synchronized RuleDraft saveDraft(String file, String content, String by) {
		requireAllowedName(file);
		List<RuleError> refused = file.endsWith(".drl") ? RuleAllowList.check(file, content)
				: RuleFileLimits.check(file, content);
		if (!refused.isEmpty()) {
			this.store.audit(by, "DRAFT_REFUSED", null, file + ": " + refused.get(0), this.clock.instant());
			return new RuleDraft(file, by, this.clock.instant(), refused, false);
		}
		this.store.saveDraft(file, content, by, this.clock.instant());
		this.store.audit(by, "DRAFT_SAVED", null, file, this.clock.instant());
		List<RuleError> errors;
		try {
			this.eligibility.prepare(candidateFiles());
			errors = List.of();
		}
		catch (RuleSetRejectedException ex) {
			errors = ex.errors();
		}
		return new RuleDraft(file, by, this.clock.instant(), errors);
	}

	public synchronized boolean discardDraft(String file, String by) {
		boolean deleted = this.store.deleteDraft(file);
		if (deleted) {
			this.store.audit(by, "DRAFT_DISCARDED", null, file, this.clock.instant());
		}
		return deleted;
	}

	/** The active files with the drafts laid over them, compiled and tested. */
	public Rules candidate() {
		return new Rules(this.eligibility.prepare(candidateFiles()), this.eligibility.today());
	}

	/** Activates active files + drafts; refused (and audited) if any step fails. */
	public synchronized RuleVersion activate(String by, String note) {
		Map<String, String> files = candidateFiles();
		RuleSet set = prepareOrAudit(files, by, "activation");
		writeFolder(set.files());
		RuleVersion version = swap(set, by, "ACTIVATE", note);
		this.store.deleteDrafts();
		return version;
	}

	/**
	 * Goes back to an earlier activation (the one before the current when id is null).
	 */
	public synchronized RuleVersion rollback(Long versionId, String by) {
		List<RuleVersion> history = this.store.versions(50);
		String current = this.eligibility.status().map(RuleSetStatus::version).orElse(null);
		RuleVersion target = versionId != null
				? history.stream().filter(v -> v.id() == versionId).findFirst().orElse(null)
				: history.stream().filter(v -> !v.version().equals(current)).findFirst().orElse(null);
		if (target == null) {
			throw new IllegalArgumentException(versionId == null ? "No hay una versión anterior a la que volver"
					: "No existe la versión " + versionId);
		}
		Map<String, String> files = this.store.filesOf(target.id()).orElseThrow();
		RuleSet set = prepareOrAudit(files, by, "rollback to " + target.version());
		writeFolder(set.files());
		return swap(set, by, "ROLLBACK", "vuelta a la versión " + target.version() + " (#" + target.id() + ")");
	}

	/** Picks up edits made straight in the rules folder (called every few seconds). */
	public synchronized void checkFolder() {
		Map<String, String> files;
		try {
			files = RuleCompiler.readFolder(this.properties.dir());
		}
		catch (RuleSetRejectedException ex) {
			return;
		}
		String onDisk = RuleCompiler.version(files);
		String active = this.eligibility.status().map(RuleSetStatus::version).orElse(null);
		if (onDisk.equals(active) || onDisk.equals(this.lastRefusedOnDisk)) {
			return;
		}
		try {
			reloadFolder("rules-folder");
		}
		catch (RuleSetRejectedException ex) {
			// Remember it so a broken edit is reported once, not every few seconds.
			this.lastRefusedOnDisk = onDisk;
		}
	}

	/** Activates the folder as it is on disk, or refuses it with every error. */
	public synchronized RuleVersion reloadFolder(String by) {
		Map<String, String> files = RuleCompiler.readFolder(this.properties.dir());
		String onDisk = RuleCompiler.version(files);
		if (onDisk.equals(this.eligibility.status().map(RuleSetStatus::version).orElse(null))) {
			return this.store.latest().orElseThrow();
		}
		Optional<RuleVersion> latest = this.store.latest();
		if (latest.isPresent() && latest.get().version().equals(onDisk)) {
			// A folder shared by several nodes, written by the node that activated this
			// set: it is recorded (and its calls re-matched) already; only take it here.
			this.eligibility.activate(this.eligibility.prepare(files));
			this.lastRefusedOnDisk = null;
			writeMarker(onDisk);
			return latest.get();
		}
		RuleSet set = prepareOrAudit(files, by, "edit in " + this.properties.dir());
		this.lastRefusedOnDisk = null;
		writeMarker(onDisk);
		return swap(set, by, "FILE_CHANGE", "archivos editados en la carpeta de reglas");
	}

	private volatile String lastRefusedOnDisk;

	/**
	 * Makes a rule set activated on another node (a row of rule_version, announced by the
	 * change log) the active one here, and writes it into this node's rules folder so the
	 * folder check agrees with it. It is not recorded again, nor are calls re-matched:
	 * the node that activated it did both in the shared database. Only the newest
	 * recorded activation is taken, so an announcement that arrives late never undoes a
	 * later one. A set that does not compile or pass its tests here leaves the working
	 * one (and is logged with every error).
	 */
	public synchronized void follow(long versionId) {
		if (!this.store.latestId().map(latest -> latest == versionId).orElse(false)) {
			return;
		}
		String version = this.store.versionOf(versionId).orElse(null);
		if (version == null || version.equals(this.eligibility.status().map(RuleSetStatus::version).orElse(null))) {
			return;
		}
		Map<String, String> files = this.store.filesOf(versionId).orElseThrow();
		RuleSet set;
		try {
			set = this.eligibility.prepare(files);
		}
		catch (RuleSetRejectedException ex) {
			log.error("Rule set {} (activated on another node) refused here: {}", version, ex.getMessage());
			return;
		}
		writeFolder(set.files());
		this.eligibility.activate(set);
		this.lastRefusedOnDisk = null;
		log.info("Rule set {} activated on another node is active here too", version);
	}

	public RuleAdminStatus status() {
		return new RuleAdminStatus(this.eligibility.status().orElse(null), this.eligibility.lastErrors(),
				this.store.drafts()
					.stream()
					.map(d -> new RuleDraft(d.file(), d.savedBy(), d.savedAt(), List.of()))
					.toList(),
				this.store.versions(20), this.store.auditTrail(50));
	}

	/** Content of a rule file: its draft if there is one, else the active version. */
	public String file(String file) {
		requireAllowedName(file);
		String draft = this.store.draftContents().get(file);
		if (draft != null) {
			return draft;
		}
		String active = this.eligibility.active().files().get(file);
		if (active == null) {
			throw new IllegalArgumentException("No existe el archivo de reglas " + file);
		}
		return active;
	}

	private RuleSet prepareOrAudit(Map<String, String> files, String by, String what) {
		try {
			return this.eligibility.prepare(files);
		}
		catch (RuleSetRejectedException ex) {
			this.store.audit(by, "REFUSED", RuleCompiler.version(files), what + ": " + ex.getMessage(),
					this.clock.instant());
			throw ex;
		}
	}

	private RuleVersion swap(RuleSet set, String by, String action, String note) {
		String previous = this.eligibility.status().map(RuleSetStatus::version).orElse(null);
		this.eligibility.activate(set);
		this.store.recordVersion(set, by, action, note, this.clock.instant());
		this.store.audit(by, action, set.version(), note, this.clock.instant());
		log.info("Rule set {} activated by {} ({})", set.version(), by, action);
		this.events.publishEvent(new RuleSetActivated(set.version(), previous, by));
		return this.store.latest().orElseThrow();
	}

	private Map<String, String> candidateFiles() {
		Map<String, String> files = new TreeMap<>(this.eligibility.active().files());
		files.putAll(this.store.draftContents());
		return files;
	}

	private static void requireAllowedName(String file) {
		if (file == null || !FILE_NAME.matcher(file).matches()) {
			throw new IllegalArgumentException("Nombre de archivo no permitido: " + file
					+ " (se aceptan <nombre>.drl, parameters.yaml y tests/<nombre>.yaml)");
		}
	}

	/**
	 * The version of the set this node last had active from its folder, or null. Kept in
	 * the folder ({@value #MARKER}, not a rule file) so that at start-up a folder left as
	 * it was tells apart from one edited by hand while the node was down.
	 */
	private String readMarker() {
		Path marker = this.properties.dir().resolve(MARKER);
		try {
			return Files.isRegularFile(marker) ? Files.readString(marker, StandardCharsets.UTF_8).strip() : null;
		}
		catch (IOException ex) {
			log.warn("Cannot read {}: {}", marker, ex.toString());
			return null;
		}
	}

	private void writeMarker(String version) {
		Path marker = this.properties.dir().resolve(MARKER);
		try {
			Path temp = marker.resolveSibling(MARKER + ".tmp");
			Files.writeString(temp, version, StandardCharsets.UTF_8);
			Files.move(temp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// Only start-up after a missed activation needs it; that start then records
			// the folder's set as an edit, as before the marker existed.
			log.warn("Cannot write {}: {}", marker, ex.toString());
		}
	}

	/** Makes the folder hold exactly the given files, each written atomically. */
	private void writeFolder(Map<String, String> files) {
		Path dir = this.properties.dir();
		try {
			Files.createDirectories(dir.resolve("tests"));
			Map<String, String> onDisk = RuleCompiler.readFolder(dir);
			for (String stale : onDisk.keySet()) {
				if (!files.containsKey(stale)) {
					Files.deleteIfExists(dir.resolve(stale));
				}
			}
			for (Map.Entry<String, String> file : files.entrySet()) {
				Path target = dir.resolve(file.getKey());
				Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
				Files.writeString(temp, file.getValue(), StandardCharsets.UTF_8);
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the rules folder " + dir, ex);
		}
		writeMarker(RuleCompiler.version(files));
	}

}
