package pe.gob.munlima.convoca.rules;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir folder with the .drl files admins edit
 * @param leadDays days needed for internal approval before a deadline
 */
@ConfigurationProperties("convoca.rules")
record RuleProperties(Path dir, Integer leadDays) {

	RuleProperties {
		if (dir == null) {
			dir = Path.of("rules");
		}
		if (leadDays == null) {
			leadDays = 30;
		}
	}

}
