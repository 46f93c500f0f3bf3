package pe.gob.munlima.convoca.call;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHtmlTests {

	@Test
	void scriptsStylesHandlersAndScriptLinksNeverReachAPage() {
		String hostile = """
				<p onclick="alert(1)">Fondos para <b>residuos</b>.</p><script>alert('x')</script>
				<style>body{display:none}</style><img src="x" onerror="alert(2)"><iframe src="https://x.example"></iframe>
				<a href="javascript:alert(3)">bases</a> <a href="https://fondo.example/bases.pdf">PDF</a>
				<svg onload="alert(4)"></svg>""";

		String safe = SafeHtml.summary(hostile);

		assertThat(safe).doesNotContain("script", "alert", "style", "onclick", "onerror", "img", "iframe", "svg",
				"javascript");
		assertThat(safe).contains("<p>Fondos para <b>residuos</b>.</p>")
			.contains("<a href=\"https://fondo.example/bases.pdf\" rel=\"nofollow noopener noreferrer\">PDF</a>")
			.contains("<a rel=\"nofollow noopener noreferrer\">bases</a>");
	}

	@Test
	void textThatLooksLikeMarkupStaysText() {
		assertThat(SafeHtml.summary("Montos &lt;script&gt; y 5 < 7")).isEqualTo("Montos &lt;script&gt; y 5 &lt; 7");
		assertThat(SafeHtml.summary(null)).isEmpty();
		assertThat(SafeHtml.summary("  ")).isEmpty();
	}

}
