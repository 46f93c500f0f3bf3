package pe.gob.munlima.convoca.call;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineParserTests {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Fecha límite: 15 de marzo de 2026                    | 2026-03-15T23:59:59-05:00[America/Lima]
			Plazo de presentación: 15 de setiembre del 2026       | 2026-09-15T23:59:59-05:00[America/Lima]
			Deadline: March 15, 2026 17:00 CET                    | 2026-03-15T17:00+01:00[CET]
			Closing date: 15 May 2027.                            | 2027-05-15T23:59:59-05:00[America/Lima]
			Date limite de dépôt : 15 mars 2026                   | 2026-03-15T23:59:59-05:00[America/Lima]
			Prazo: 15 de março de 2026                            | 2026-03-15T23:59:59-05:00[America/Lima]
			Fecha límite: 15/03/2026                              | 2026-03-15T23:59:59-05:00[America/Lima]
			Agency — Closes 2026-03-15 — text                     | 2026-03-15T23:59:59-05:00[America/Lima]
			Fecha límite: 15 de marzo de 2027 a las 17:00 hora de Lima | 2027-03-15T17:00-05:00[America/Lima]
			""")
	void readsDeadlinesInFourLanguages(String text, String expected) {
		assertThat(DeadlineParser.find(text, LIMA))
			.hasValueSatisfying(deadline -> assertThat(deadline.at()).isEqualTo(ZonedDateTime.parse(expected)));
	}

	@Test
	void aPublicationDateIsNotADeadline() {
		assertThat(DeadlineParser.find("Publicado el 15 de marzo de 2026. Convocatoria abierta.", LIMA)).isEmpty();
	}

	@Test
	void anImpossibleDateIsIgnored() {
		assertThat(DeadlineParser.find("Fecha límite: 31/02/2026", LIMA)).isEmpty();
	}

}
