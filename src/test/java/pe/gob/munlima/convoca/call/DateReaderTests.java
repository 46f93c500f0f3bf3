package pe.gob.munlima.convoca.call;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static pe.gob.munlima.convoca.call.ReadingFiles.DATES;
import static org.assertj.core.api.Assertions.assertThat;

/** Dates as calls and portals write them, read into the instant they mean. */
class DateReaderTests {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			15 de marzo de 2026                           | 2026-03-15T23:59:59-05:00[America/Lima]
			15 de setiembre del 2026                      | 2026-09-15T23:59:59-05:00[America/Lima]
			1 de Enero de 2027                            | 2027-01-01T23:59:59-05:00[America/Lima]
			10 de Noviembre de 2016 a las 9:00am CET      | 2016-11-10T09:00+01:00[CET]
			15 de marzo de 2027 a las 17:00 hora de Lima  | 2027-03-15T17:00-05:00[America/Lima]
			30 abr 2026                                    | 2026-04-30T23:59:59-05:00[America/Lima]
			March 15, 2026 17:00 CET                      | 2026-03-15T17:00+01:00[CET]
			March 15, 2026 at 5 pm EST                    | 2026-03-15T17:00-04:00[America/New_York]
			Jul 15, 2026                                  | 2026-07-15T23:59:59-05:00[America/Lima]
			Sept. 3, 2026                                 | 2026-09-03T23:59:59-05:00[America/Lima]
			15 May 2027                                   | 2027-05-15T23:59:59-05:00[America/Lima]
			10 November 2016, 9:00am CET / 8:00am UTC/GMT | 2016-11-10T09:00+01:00[CET]
			22-Jul-2026                                   | 2026-07-22T23:59:59-05:00[America/Lima]
			1st June 2026 12:00 (Brussels time)           | 2026-06-01T12:00+02:00[Europe/Brussels]
			15 mars 2026                                  | 2026-03-15T23:59:59-05:00[America/Lima]
			1er mars 2026 à 12h00 heure de Bruxelles      | 2026-03-01T12:00+01:00[Europe/Brussels]
			3 févr. 2027                                  | 2027-02-03T23:59:59-05:00[America/Lima]
			15 de março de 2026                           | 2026-03-15T23:59:59-05:00[America/Lima]
			20 de outubro de 2026 às 18h00 BRT            | 2026-10-20T18:00-03:00[America/Sao_Paulo]
			2026-03-15                                    | 2026-03-15T23:59:59-05:00[America/Lima]
			2026-08-27 17:00:00                           | 2026-08-27T17:00-05:00[America/Lima]
			2026/08/22 17:00:00                           | 2026-08-22T17:00-05:00[America/Lima]
			2026-07-28 00:00:00                           | 2026-07-28T23:59:59-05:00[America/Lima]
			2026-03-15T17:00:00+01:00                     | 2026-03-15T17:00+01:00
			2026-03-15T17:00:00.000+0100                  | 2026-03-15T17:00+01:00
			2026-03-15 17:00 CET                          | 2026-03-15T17:00+01:00[CET]
			15/03/2026                                    | 2026-03-15T23:59:59-05:00[America/Lima]
			15.03.2026                                    | 2026-03-15T23:59:59-05:00[America/Lima]
			08/15/2026                                    | 2026-08-15T23:59:59-05:00[America/Lima]
			12/12/2026                                    | 2026-12-12T23:59:59-05:00[America/Lima]
			""")
	void readsEveryForm(String text, String expected) {
		DateReader.ReadDate date = new DateReader(DateOrder.UNKNOWN, DATES).value(text);

		assertThat(date).as(text).isNotNull();
		assertThat(date.at(LIMA, true)).isEqualTo(ZonedDateTime.parse(expected));
	}

	@Test
	void anIsoTimestampAtMidnightUtcIsTheDayThePortalMeant() {
		// The EU portal stores "11 May 2023" as 2023-05-11T02:00:00.000+0200.
		DateReader.ReadDate eu = new DateReader(DateOrder.UNKNOWN, DATES).value("2023-05-11T02:00:00.000+0200");
		DateReader.ReadDate derived = new DateReader(DateOrder.UNKNOWN, DATES).value("2027-12-01T00:00:00.000Z");

		assertThat(eu.date()).isEqualTo(LocalDate.of(2023, 5, 11));
		assertThat(eu.dateOnly()).isTrue();
		assertThat(derived.date()).isEqualTo(LocalDate.of(2027, 12, 1));
		assertThat(derived.dateOnly()).isTrue();
	}

	@ParameterizedTest(name = "{0} read {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			05/03/2026 | DAY_FIRST   | 2026-03-05
			05/03/2026 | MONTH_FIRST | 2026-05-03
			05/03/2026 | UNKNOWN     | -
			13/03/2026 | UNKNOWN     | 2026-03-13
			03/13/2026 | UNKNOWN     | 2026-03-13
			07052024   | MONTH_FIRST | 2024-07-05
			9052014    | MONTH_FIRST | 2014-09-05
			1122022.0  | MONTH_FIRST | 2022-01-12
			07052024   | DAY_FIRST   | -
			""")
	void anAmbiguousNumericDateIsReadOnlyWhenTheSourceTellsTheOrder(String text, DateOrder order, String expected) {
		DateReader.ReadDate date = new DateReader(order, DATES).value(text);

		if (expected == null) {
			assertThat(date).isNull();
		}
		else {
			assertThat(date.date()).isEqualTo(LocalDate.parse(expected));
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			31/02/2026
			2026-02-30
			30 de febrero de 2026
			Marzo de 2026
			Phase 2 of 2026
			September 2018
			2026
			none
			""")
	void whatIsNotADayIsNotRead(String text) {
		assertThat(new DateReader(DateOrder.DAY_FIRST, DATES).value(text)).isNull();
	}

	@Test
	void aTimeBeforeTheDateCounts() {
		DateReader.ReadDate date = new DateReader(DateOrder.UNKNOWN, DATES)
			.value("by 11:59 p.m. Eastern Time on Friday, February 3, 2023");

		assertThat(date.date()).isEqualTo(LocalDate.of(2023, 2, 3));
		assertThat(date.time()).isEqualTo(LocalTime.of(23, 59));
		assertThat(date.zone()).isEqualTo(ZoneId.of("America/New_York"));
	}

	@Test
	void aDateWithoutATimeOpensAtTheStartOfTheDayAndClosesAtItsEnd() {
		DateReader.ReadDate date = new DateReader(DateOrder.DAY_FIRST, DATES).value("15/03/2026");

		assertThat(date.at(LIMA, false).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
		assertThat(date.at(LIMA, true).toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
	}

	@Test
	void theOrderFollowsTheLocaleThenTheLanguage() {
		assertThat(DateOrder.of("en-US", "en")).isEqualTo(DateOrder.MONTH_FIRST);
		assertThat(DateOrder.of("en-GB", "en")).isEqualTo(DateOrder.DAY_FIRST);
		assertThat(DateOrder.of("es-CO", null)).isEqualTo(DateOrder.DAY_FIRST);
		assertThat(DateOrder.of(null, "es")).isEqualTo(DateOrder.DAY_FIRST);
		assertThat(DateOrder.of(null, "pt")).isEqualTo(DateOrder.DAY_FIRST);
		assertThat(DateOrder.of(null, "en")).isEqualTo(DateOrder.UNKNOWN);
		assertThat(DateOrder.of(null, null)).isEqualTo(DateOrder.UNKNOWN);
	}

}
