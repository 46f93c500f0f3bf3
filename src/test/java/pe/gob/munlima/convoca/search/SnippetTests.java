package pe.gob.munlima.convoca.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetTests {

	@Test
	void markedWordsAreMarkedPartsAndEscapedTextIsTextAgain() {
		Snippet snippet = Snippet
			.of("… acceso al <mark>agua</mark> &amp; saneamiento &lt;b&gt;ya&lt;/b&gt; <mark>potable</mark>");

		assertThat(snippet.parts()).containsExactly(new Snippet.Part("… acceso al ", false),
				new Snippet.Part("agua", true), new Snippet.Part(" & saneamiento <b>ya</b> ", false),
				new Snippet.Part("potable", true));
	}

	@Test
	void anyOtherTagIsOnlyItsTextAndAScriptNotEvenThat() {
		Snippet snippet = Snippet.of("a <script>alert(1)</script> <b onclick=\"x\">b</b>");

		assertThat(snippet.parts()).extracting(Snippet.Part::marked).containsOnly(false);
		assertThat(snippet.parts()).extracting(Snippet.Part::text).containsExactly("a ", " ", "b");
		assertThat(Snippet.of(null).isEmpty()).isTrue();
	}

}
