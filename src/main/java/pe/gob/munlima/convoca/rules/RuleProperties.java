package pe.gob.munlima.convoca.rules;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir folder with the rule files admins edit (.drl, parameters.yaml, tests/)
 * @param watchInterval how often the folder is checked for edits; zero turns watching off
 */
@ConfigurationProperties("convoca.rules")
record RuleProperties(Path dir, Duration watchInterval) {

	RuleProperties {
		if (dir == null) {
			dir = Path.of("rules");
		}
		if (watchInterval == null) {
			watchInterval = Duration.ofSeconds(5);
		}
	}

}
