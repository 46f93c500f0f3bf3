package pe.gob.munlima.convoca.call;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static pe.gob.munlima.convoca.call.ReadingFiles.DATES;
import static org.assertj.core.api.Assertions.assertThat;

class DeadlineParserTests {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					Fecha límite: 15 de marzo de 2026                    | 2026-03-15T23:59:59-05:00[America/Lima]
					Plazo de presentación: 15 de setiembre del 2026       | 2026-09-15T23:59:59-05:00[America/Lima]
					Deadline: March 15, 2026 17:00 CET                    | 2026-03-15T17:00+01:00[CET]
					Closing date: 15 May 2027.                            | 2027-05-15T23:59:59-05:00[America/Lima]
					Date limite de dépôt : 15 mars 2026                   | 2026-03-15T23:59:59-05:00[America/Lima]
					Prazo: 15 de março de 2026                            | 2026-03-15T23:59:59-05:00[America/Lima]
					Fecha límite: 15/03/2026                              | 2026-03-15T23:59:59-05:00[America/Lima]
					Agency — Closes 2026-03-15 — text                     | 2026-03-15T23:59:59-05:00[America/Lima]
					Fecha límite: 15 de marzo de 2027 a las 17:00 hora de Lima | 2027-03-15T17:00-05:00[America/Lima]
					hasta el 10 de Noviembre de 2016 a las 9:00am CET / 8:00am UTC/GMT | 2016-11-10T09:00+01:00[CET]
					Applications must be submitted to [BID@gbif.org](mailto:bid@gbif.org) by 10 November 2016, 9:00am CET | 2016-11-10T09:00+01:00[CET]
					Date de clôture : 1er mars 2026 à 12h00 heure de Bruxelles | 2026-03-01T12:00+01:00[Europe/Brussels]
					Encerramento das inscrições: 20 de outubro de 2026    | 2026-10-20T23:59:59-05:00[America/Lima]
					Response date: Jul 15, 2026                           | 2026-07-15T23:59:59-05:00[America/Lima]
					Essays must be submitted by 11:59 p.m. Eastern Time on Friday, February 3, 2023 | 2023-02-03T23:59-05:00[America/New_York]
					Deadline 22-Jul-2026                                  | 2026-07-22T23:59:59-05:00[America/Lima]
					""")
	void readsDeadlinesInFourLanguages(String text, String expected) {
		assertThat(DeadlineParser.find(text, LIMA, DATES))
			.hasValueSatisfying(deadline -> assertThat(deadline.at()).isEqualTo(ZonedDateTime.parse(expected)));
	}

	@Test
	void aPublicationDateIsNotADeadline() {
		assertThat(DeadlineParser.find("Publicado el 15 de marzo de 2026. Convocatoria abierta.", LIMA, DATES))
			.isEmpty();
	}

	@Test
	void aDayStatedTwiceIsOneDeadlineWithItsTime() {
		String text = TextFolding.fold("The deadline for submitting initial concept notes is **10 November 2016**.\n"
				+ "Applications must be submitted to BID@gbif.org by 10 November 2016, 9:00am CET / 8:00am UTC/GMT.");

		var deadlines = DeadlineParser.deadlines(text, new DateReader(DateOrder.DAY_FIRST, DATES));

		assertThat(deadlines).singleElement()
			.satisfies(d -> assertThat(d.at(LIMA, true)).isEqualTo(ZonedDateTime.parse("2016-11-10T09:00+01:00[CET]")));
	}

	@Test
	void everyDeadlineOfATwoStageCallIsFoundAndTheOpeningApart() {
		String text = TextFolding.fold("Apertura de la convocatoria: 1 de febrero de 2026. "
				+ "Plazo de la primera etapa: 15 de marzo de 2026. Cierre de la segunda etapa: 30 de junio de 2026.");
		DateReader reader = new DateReader(DateOrder.DAY_FIRST, DATES);

		assertThat(DeadlineParser.deadlines(text, reader)).extracting(DateReader.ReadDate::date)
			.containsExactly(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 6, 30));
		assertThat(DeadlineParser.openings(text, reader)).extracting(DateReader.ReadDate::date)
			.containsExactly(LocalDate.of(2026, 2, 1));
	}

	@Test
	void anAmbiguousDateInAnEnglishCallIsNotGuessed() {
		String text = TextFolding.fold("Deadline: 05/03/2026");

		assertThat(DeadlineParser.deadlines(text, new DateReader(DateOrder.UNKNOWN, DATES))).isEmpty();
		assertThat(DeadlineParser.deadlines(text, new DateReader(DateOrder.MONTH_FIRST, DATES)))
			.extracting(DateReader.ReadDate::date)
			.containsExactly(LocalDate.of(2026, 5, 3));
	}

	@Test
	void anImpossibleDateIsIgnored() {
		assertThat(DeadlineParser.find("Fecha límite: 31/02/2026", LIMA, DATES)).isEmpty();
	}

}
