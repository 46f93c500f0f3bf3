package pe.gob.munlima.convoca.programme;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import pe.gob.munlima.convoca.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rounds of a programme imported as a funder's Atom feed through the import API (the
 * normal intake path: normalised, stored, grouped, indexed, judged), one feed a round as
 * the funder publishes them year after year.
 */
final class ProgrammeFeeds {

	private ProgrammeFeeds() {
	}

	/**
	 * One round of a yearly programme on mobility for Latin American cities: it opens on
	 * {@code opens} ("5 de febrero de 2024") and closes on {@code closes}, granting up to
	 * {@code amount} dollars.
	 */
	static void importRound(Api api, String source, String funder, String title, String opens, String closes,
			String amount) {
		String id = source + "-" + title.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
		String summary = "Subvenciones no reembolsables para ciclovías, bicicletas públicas y movilidad urbana "
				+ "sostenible. Pueden postular municipalidades y gobiernos locales de América Latina, incluido el Perú. "
				+ "Monto máximo: USD " + amount + " por proyecto. Fecha de apertura: " + opens + ". "
				+ "Las propuestas se reciben en línea. Fecha límite: " + closes + ".";
		byte[] feed = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
				+ "<title>" + funder + "</title><id>urn:test:" + source + ":feed</id>"
				+ "<updated>2026-11-20T00:00:00Z</updated><entry><title>" + title + "</title><id>urn:test:" + id
				+ "</id><link href=\"https://fondo.example.org/" + id + "\"/><updated>2026-11-20T00:00:00Z</updated>"
				+ "<summary>" + summary + "</summary></entry></feed>")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> imported = api.importFeed(id + ".xml", "application/atom+xml", feed, funder, source);
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
	}

}
