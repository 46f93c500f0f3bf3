package pe.gob.munlima.convoca.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedRuleSetsTests {

	@TempDir
	Path dir;

	private final Map<String, String> shipped = RuleCompiler.readFolder(Path.of("rules"));

	/** The shipped files with the instrument rule broken so that its test cases fail. */
	private Map<String, String> failingCases() {
		Map<String, String> files = new TreeMap<>(this.shipped);
		files.put("instrument.drl",
				files.get("instrument.drl").replace("reimbursable == true", "reimbursable == true, callId < 0"));
		return files;
	}

	@Test
	void aSetThatPassedIsRememberedForTheSameBuildOnly() {
		Path file = this.dir.resolve(VerifiedRuleSets.FILE);
		new RuleCompiler(new VerifiedRuleSets(file, "build-a")).prepare(this.shipped, Instant.now());

		assertThat(new VerifiedRuleSets(file, "build-a").passed(this.shipped)).isTrue();
		assertThat(new VerifiedRuleSets(file, "build-b").passed(this.shipped)).isFalse();
		assertThat(new VerifiedRuleSets(file, "build-a").passed(failingCases())).isFalse();
	}

	@Test
	void aSetWhoseCasesFailIsRefusedAndNeverRemembered() {
		Path file = this.dir.resolve(VerifiedRuleSets.FILE);
		RuleCompiler compiler = new RuleCompiler(new VerifiedRuleSets(file, "build-a"));

		assertThatThrownBy(() -> compiler.prepare(failingCases(), Instant.now()))
			.isInstanceOf(RuleSetRejectedException.class);
		assertThat(new VerifiedRuleSets(file, "build-a").passed(failingCases())).isFalse();
		assertThatThrownBy(() -> compiler.prepare(failingCases(), Instant.now()))
			.isInstanceOf(RuleSetRejectedException.class);
	}

	@Test
	void theCasesOfARememberedSetAreNotRunAgain() {
		// Only this build can have put the key there; seeding it stands for a pass of
		// these very files, and shows that the second preparation trusts it.
		Path file = this.dir.resolve(VerifiedRuleSets.FILE);
		new VerifiedRuleSets(file, "build-a").remember(failingCases());

		RuleSet set = new RuleCompiler(new VerifiedRuleSets(file, "build-a")).prepare(failingCases(), Instant.now());

		assertThat(set.version()).isEqualTo(RuleCompiler.version(failingCases()));
		assertThatThrownBy(
				() -> new RuleCompiler(new VerifiedRuleSets(file, "build-b")).prepare(failingCases(), Instant.now()))
			.isInstanceOf(RuleSetRejectedException.class);
	}

	@Test
	void compilationAndTheAllowListStillRunForARememberedSet() {
		Path file = this.dir.resolve(VerifiedRuleSets.FILE);
		Map<String, String> unsafe = new TreeMap<>(this.shipped);
		unsafe.put("evil.drl", """
				package rules.eligibility;
				import pe.gob.munlima.convoca.rules.CallFacts;

				rule "evil"
				when
				    $c : CallFacts()
				then
				    System.exit(1);
				end
				""");
		new VerifiedRuleSets(file, "build-a").remember(unsafe);

		assertThatThrownBy(() -> new RuleCompiler(new VerifiedRuleSets(file, "build-a")).prepare(unsafe, Instant.now()))
			.isInstanceOfSatisfying(RuleSetRejectedException.class,
					ex -> assertThat(ex.errors()).extracting(RuleError::file).contains("evil.drl"));
	}

	@Test
	void onlyTheNewestKeysAreKept() {
		Path file = this.dir.resolve(VerifiedRuleSets.FILE);
		VerifiedRuleSets verified = new VerifiedRuleSets(file, "build-a");
		for (int i = 0; i <= VerifiedRuleSets.KEEP; i++) {
			verified.remember(Map.of("n.drl", "// " + i));
		}

		VerifiedRuleSets reread = new VerifiedRuleSets(file, "build-a");
		assertThat(reread.passed(Map.of("n.drl", "// 0"))).isFalse();
		assertThat(reread.passed(Map.of("n.drl", "// 1"))).isTrue();
		assertThat(reread.passed(Map.of("n.drl", "// " + VerifiedRuleSets.KEEP))).isTrue();
	}

	@Test
	void theBuildFingerprintChangesWithAnyFileOfAClassesFolder() throws IOException {
		Path classes = Files.createDirectories(this.dir.resolve("classes/pe"));
		Files.writeString(classes.resolve("A.class"), "one", StandardCharsets.UTF_8);
		String before = VerifiedRuleSets.BuildFingerprint.of(this.dir.resolve("classes").toString());

		Files.writeString(classes.resolve("A.class"), "one more", StandardCharsets.UTF_8);

		assertThat(VerifiedRuleSets.BuildFingerprint.of(this.dir.resolve("classes").toString())).isNotEqualTo(before);
		assertThat(VerifiedRuleSets.BuildFingerprint.of(this.dir.resolve("classes").toString()))
			.isEqualTo(VerifiedRuleSets.BuildFingerprint.of(this.dir.resolve("classes").toString()));
	}

	@Test
	void eligibilityRemembersInItsRulesFolderAndHealthWaitsForNothing() throws IOException {
		for (Map.Entry<String, String> shippedFile : this.shipped.entrySet()) {
			Path target = this.dir.resolve(shippedFile.getKey());
			Files.createDirectories(target.getParent());
			Files.writeString(target, shippedFile.getValue(), StandardCharsets.UTF_8);
		}
		Eligibility eligibility = new Eligibility(new RuleProperties(this.dir, Duration.ZERO), Clock.systemUTC());
		RulesHealthIndicator health = new RulesHealthIndicator(eligibility);

		// Health answers at once, DOWN while the set is prepared; the status waits for
		// it.
		var early = health.health();
		assertThat(eligibility.status()).isPresent();
		if (early.getStatus().getCode().equals("DOWN")) {
			assertThat(early.getDetails()).containsKey("starting");
		}
		assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
		assertThat(Files.readAllLines(this.dir.resolve(VerifiedRuleSets.FILE))).hasSize(1);
		assertThat(VerifiedRuleSets.in(this.dir).passed(RuleCompiler.readFolder(this.dir))).isTrue();
	}

}
