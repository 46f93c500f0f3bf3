package pe.gob.munlima.convoca.call;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ids a sentence mentions come out in the order of the vocabulary file, the same on
 * every start: a call read again after a restart is the same call, not a new version
 * whose themes "changed" order.
 */
class TermsTests {

	@Test
	void idsComeOutInTheOrderOfTheFile() {
		Map<String, List<String>> file = new LinkedHashMap<>();
		String sentence = "";
		for (int i = 0; i < 12; i++) {
			String id = "tema" + (char) ('a' + (i * 7) % 12);
			file.put(id, List.of("palabra" + id));
			sentence += " palabra" + id;
		}
		Terms terms = Terms.of(file);
		String folded = TextFolding.fold(sentence);

		Set<String> found = new LinkedHashSet<>();
		terms.matchInto(folded, Terms.words(folded), found);

		assertThat(found).containsExactlyElementsOf(file.keySet());
		assertThat(terms.ids()).containsExactlyElementsOf(file.keySet());
	}

}
