package pe.gob.munlima.convoca.rules;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which rule sets passed their test cases with this build of Convoca, so that a
 * set prepared again — at every start-up, when a node takes another node's activation, a
 * dry run of unchanged drafts — is still checked against the allow-list and compiled, but
 * its cases are not run again. It remembers passes only: a set it does not know has its
 * cases run as always, so no set is ever activated without its cases having passed.
 * <p>
 * A key is the SHA-256 of the set's files together with a fingerprint of the code the
 * cases ran against (every file of the class path with its size and time, and the JVM's
 * version): the same files are tested again after any rebuild, a new library or another
 * JVM, as the facts, the engine or the findings may have changed. The keys are kept in
 * the rules folder ({@value #FILE}, one a line, the newest {@value #KEEP}), beside the
 * node's {@link RuleAdmin#MARKER}; a folder shared by nodes of different builds just
 * holds keys of each. A lost or unreadable file costs one run of the cases, nothing else.
 */
final class VerifiedRuleSets {

	private static final Logger log = LoggerFactory.getLogger(VerifiedRuleSets.class);

	static final String FILE = ".verified";

	static final int KEEP = 50;

	private final Path file;

	private final String build;

	private final LinkedHashSet<String> keys = new LinkedHashSet<>();

	/**
	 * @param file where the keys are kept; null keeps nothing (every set is tested)
	 * @param build fingerprint of the code the cases run against
	 */
	VerifiedRuleSets(Path file, String build) {
		this.file = file;
		this.build = build;
		if (file != null && Files.isRegularFile(file)) {
			try {
				Files.readAllLines(file, StandardCharsets.UTF_8)
					.stream()
					.map(String::strip)
					.filter(line -> !line.isEmpty())
					.forEach(this.keys::add);
			}
			catch (IOException ex) {
				log.warn("Cannot read {} (rule sets will be tested again): {}", file, ex.toString());
			}
		}
	}

	/** Remembers nothing: every set has its cases run. */
	static VerifiedRuleSets none() {
		return new VerifiedRuleSets(null, "");
	}

	/** Kept in the rules folder, for the code this JVM runs. */
	static VerifiedRuleSets in(Path rulesDir) {
		return new VerifiedRuleSets(rulesDir.resolve(FILE), BuildFingerprint.VALUE);
	}

	synchronized boolean passed(Map<String, String> files) {
		return this.file != null && this.keys.contains(key(files));
	}

	synchronized void remember(Map<String, String> files) {
		if (this.file == null) {
			return;
		}
		String key = key(files);
		this.keys.remove(key);
		this.keys.add(key);
		while (this.keys.size() > KEEP) {
			this.keys.remove(this.keys.iterator().next());
		}
		try {
			Path tmp = this.file.resolveSibling(FILE + ".tmp");
			Files.write(tmp, this.keys, StandardCharsets.UTF_8);
			try {
				Files.move(tmp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(tmp, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			// Only a cache: the next preparation of this set runs its cases again.
			log.warn("Cannot write {}: {}", this.file, ex.toString());
		}
	}

	private String key(Map<String, String> files) {
		return sha256(this.build + '\0' + RuleCompiler.digest(files));
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The code this JVM runs: computed once, as the class path does not change. */
	static final class BuildFingerprint {

		static final String VALUE = of(System.getProperty("java.class.path", ""));

		private BuildFingerprint() {
		}

		/**
		 * The JVM's version and, for every entry of the class path, its path and the size
		 * and modification time of each file in it (a jar, or every file under a classes
		 * folder). A jar of Spring Boot holds the application and its libraries, so its
		 * size and time stand for all of them.
		 */
		static String of(String classPath) {
			List<String> parts = new ArrayList<>();
			parts.add(Runtime.version().toString());
			for (String entry : classPath.split(File.pathSeparator)) {
				if (entry.isBlank()) {
					continue;
				}
				Path path = Path.of(entry);
				parts.add(entry);
				if (Files.isDirectory(path)) {
					try (Stream<Path> walk = Files.walk(path)) {
						walk.filter(Files::isRegularFile).sorted().forEach(file -> parts.add(describe(path, file)));
					}
					catch (IOException | RuntimeException ex) {
						// Unreadable: a fingerprint nobody else has, so the cases always
						// run.
						parts.add("unreadable " + System.nanoTime());
					}
				}
				else if (Files.isRegularFile(path)) {
					parts.add(describe(path, path));
				}
			}
			return sha256(String.join("\n", parts));
		}

		private static String describe(Path root, Path file) {
			try {
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
				return root.relativize(file) + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
			}
			catch (IOException ex) {
				return file + " unreadable " + System.nanoTime();
			}
		}

	}

}
