package pe.gob.munlima.convoca.call;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param vocabularyFile the multilingual vocabulary that turns text into facts
 */
@ConfigurationProperties("convoca.calls")
record CallProperties(Path vocabularyFile) {

	CallProperties {
		if (vocabularyFile == null) {
			vocabularyFile = Path.of("index", "vocabulary.yaml");
		}
	}

}
