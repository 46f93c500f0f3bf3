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
 * Turns the files of a rule folder into a {@link RuleSet}, refusing it with every error's
 * file and line when any step fails: size and characters, the allow-list
 * ({@link RuleAllowList}), compilation, parameters, and the test cases, which run in the
 * {@link RuleSandbox}. Nothing of a file runs before it passes the allow-list. The cases
 * of a set whose files already passed them with this build are not run again
 * ({@link VerifiedRuleSets}).
 */
final class RuleCompiler {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RuleCompiler.class);

	static final String TESTS = "tests/";

	private final VerifiedRuleSets verified;

	/** Runs the cases of every set it prepares. */
	RuleCompiler() {
		this(VerifiedRuleSets.none());
	}

	RuleCompiler(VerifiedRuleSets verified) {
		this.verified = verified;
	}

	/** Reads the folder: *.drl, parameters.yaml and tests/*.yaml. */
	static Map<String, String> readFolder(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new RuleSetRejectedException(List.of(new RuleError(dir.toString(), 0, "rule folder not found")));
		}
		Map<String, String> files = new TreeMap<>();
		try {
			try (Stream<Path> list = Files.list(dir)) {
				for (Path file : list.filter(RuleCompiler::isRuleFile).toList()) {
					files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
				}
			}
			Path tests = dir.resolve("tests");
			if (Files.isDirectory(tests)) {
				try (Stream<Path> list = Files.list(tests)) {
					for (Path file : list.filter(p -> p.toString().endsWith(".yaml")).toList()) {
						files.put(TESTS + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new RuleSetRejectedException(List.of(new RuleError(dir.toString(), 0, ex.getMessage())));
		}
		return files;
	}

	static boolean isRuleFile(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".drl") || name.equals(RuleParameters.FILE);
	}

	/** Compiles and tests; the returned set is ready to be swapped in. */
	RuleSet prepare(Map<String, String> files, Instant now) {
		List<RuleError> unreadable = new ArrayList<>();
		files.forEach((name, text) -> unreadable.addAll(RuleFileLimits.check(name, text)));
		if (!unreadable.isEmpty()) {
			throw new RuleSetRejectedException(unreadable);
		}
		Map<String, String> drl = new TreeMap<>();
		files.forEach((name, text) -> {
			if (name.endsWith(".drl")) {
				drl.put(name, text);
			}
		});
		if (drl.isEmpty()) {
			throw new RuleSetRejectedException(List.of(new RuleError("(rules)", 0, "no .drl files")));
		}
		List<RuleError> unsafe = new ArrayList<>();
		drl.forEach((name, text) -> unsafe.addAll(RuleAllowList.check(name, text)));
		if (!unsafe.isEmpty()) {
			throw new RuleSetRejectedException(unsafe);
		}
		RuleParameters parameters = files.containsKey(RuleParameters.FILE)
				? RuleParameters.parse(files.get(RuleParameters.FILE)) : RuleParameters.read(Path.of("__none__"));
		RuleSet set = new RuleSet(compile(drl), parameters, version(files), Map.copyOf(new TreeMap<>(files)), now);
		if (this.verified.passed(files)) {
			log.info("Rule set {}: its test cases passed with this build before; not run again", set.version());
			return set;
		}
		List<RuleError> failures = RuleTester.run(set, files);
		if (!failures.isEmpty()) {
			throw new RuleSetRejectedException(failures);
		}
		this.verified.remember(files);
		return set;
	}

	/** Compiles without checking: callers check with {@link RuleAllowList} first. */
	static org.kie.api.KieBase compile(Map<String, String> drl) {
		// Stateless sessions never modify facts, so property reactivity buys nothing
		// here.
		var configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
		configuration.setOption(org.kie.internal.builder.conf.PropertySpecificOption.ALLOWED);
		KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
		drl.forEach((name, text) -> builder.add(
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
		var kieBase = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase(configuration());
		kieBase.addPackages(builder.getKnowledgePackages());
		return kieBase;
	}

	/**
	 * How the engine runs the eligibility rules. Every evaluation is stateless: the facts
	 * of one call and its projects go in, findings come out, and no rule changes a fact
	 * (RuleAllowList refuses insert, modify and the like). That allows sequential mode:
	 * each rule's network is evaluated once, in order, without an agenda that re-checks
	 * rules after every firing and without left memories kept for re-evaluation.
	 */
	private static org.kie.api.KieBaseConfiguration configuration() {
		org.kie.api.KieBaseConfiguration base = org.kie.api.KieServices.Factory.get().newKieBaseConfiguration();
		base.setOption(org.kie.api.conf.SequentialOption.YES);
		// MVEL constraints are interpreted until they have run this many times, then
		// compiled to bytecode on another thread; eligibility constraints run millions of
		// times, so they are compiled at their first evaluation, with the facts at hand.
		// (A threshold of 1 was 8 % faster, as Drools 10 looks the option up again on
		// every evaluation when it is 0; but compiling on another thread fails, now and
		// then under load, when the session that supplied the facts has already ended,
		// and leaves that constraint interpreted for good.)
		base.setOption(org.kie.internal.conf.ConstraintJittingThresholdOption.get(0));
		// Patterns that test one field of a fact for equality with different values
		// (gerencia == true in one rule, gerencia == false in another) are looked up by
		// the field's value instead of evaluating each constraint; Drools does so from
		// three such patterns, here from two.
		base.setOption(org.kie.internal.conf.AlphaThresholdOption.get(2));
		return base;
	}

	static String version(Map<String, String> files) {
		return digest(files).substring(0, 12);
	}

	/** SHA-256 of all the files, in name order, in hex. */
	static String digest(Map<String, String> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			new TreeMap<>(files).forEach((name, text) -> {
				digest.update(name.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(text.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			});
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
