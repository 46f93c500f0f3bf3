package pe.gob.munlima.convoca.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles the .drl files of a folder into a {@link RuleSet}, or reports every error with
 * its file and line.
 */
final class RuleCompiler {

	/** Reads the folder's .drl files (not sub-folders: rules/tests holds test cases). */
	static Map<String, String> readFolder(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new RuleSetRejectedException(List.of(new RuleError(dir.toString(), 0, "rule folder not found")));
		}
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> list = Files.list(dir)) {
			for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
				files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new RuleSetRejectedException(List.of(new RuleError(dir.toString(), 0, ex.getMessage())));
		}
		return files;
	}

	/**
	 * @param files file name to DRL text
	 */
	RuleSet compile(Map<String, String> files, Instant now) {
		if (files.isEmpty()) {
			throw new RuleSetRejectedException(List.of(new RuleError("(rules)", 0, "no .drl files")));
		}
		KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
		files.forEach((name, text) -> builder.add(
				ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath(name),
				ResourceType.DRL));
		if (builder.hasErrors()) {
			List<RuleError> errors = new ArrayList<>();
			for (KnowledgeBuilderError error : builder.getErrors()) {
				String file = error.getResource() != null ? error.getResource().getSourcePath() : "(rules)";
				int[] lines = error.getLines();
				errors.add(new RuleError(file, lines.length > 0 ? lines[0] : 0, error.getMessage().strip()));
			}
			throw new RuleSetRejectedException(errors);
		}
		return new RuleSet(builder.newKieBase(), version(files), List.copyOf(files.keySet()), now);
	}

	private static String version(Map<String, String> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			files.forEach((name, text) -> {
				digest.update(name.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(text.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			});
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
