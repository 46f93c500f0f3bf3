package pe.gob.munlima.convoca.programme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The next window of a programme from when its rounds opened. */
class ForecastTests {

	private final Forecast forecast = new Forecast(ProgrammeGroupingTests.SIGNALS.forecast());

	@Test
	void threeMarchesGiveTheNextMarchWithHighConfidence() {
		Forecast.Result result = this.forecast.of(opened("2023-03-02", "2024-03-11", "2025-03-05"),
				LocalDate.parse("2025-11-20"));
		assertThat(result.cadenceMonths()).isEqualTo(12);
		assertThat(result.expected()).isEqualTo(YearMonth.of(2026, 3));
		assertThat(result.level()).isEqualTo(Forecast.Level.ALTA);
		assertThat(result.hits()).isEqualTo(3);
		assertThat(result.total()).isEqualTo(3);
		assertThat(result.missed()).isEmpty();
		assertThat(result.checks()).extracting(Forecast.Check::met).containsExactly(true);
	}

	@Test
	void aWindowThatPassedWithoutARoundIsMissedAndTheNextYearExpected() {
		Forecast.Result result = this.forecast.of(opened("2023-03-02", "2024-03-11", "2025-03-05"),
				LocalDate.parse("2026-05-10"));
		assertThat(result.missed()).containsExactly(YearMonth.of(2026, 3));
		assertThat(result.expected()).isEqualTo(YearMonth.of(2027, 3));
		// 3 of 4 expected windows came: no longer high.
		assertThat(result.total()).isEqualTo(4);
		assertThat(result.level()).isEqualTo(Forecast.Level.MEDIA);
	}

	@Test
	void withinTheToleranceTheWindowIsNotYetMissed() {
		Forecast.Result result = this.forecast.of(opened("2023-03-02", "2024-03-11", "2025-03-05"),
				LocalDate.parse("2026-04-20"));
		assertThat(result.missed()).isEmpty();
		assertThat(result.expected()).isEqualTo(YearMonth.of(2026, 3));
	}

	@Test
	void aRoundInTheWindowFulfilsItAndTheExpectationMovesOn() {
		Forecast.Result result = this.forecast.of(opened("2023-03-02", "2024-03-11", "2025-03-05", "2026-02-20"),
				LocalDate.parse("2026-03-01"));
		assertThat(result.expected()).isEqualTo(YearMonth.of(2027, 3));
		assertThat(result.missed()).isEmpty();
		assertThat(result.checks()).extracting(Forecast.Check::met).containsExactly(true, true);
		assertThat(result.level()).isEqualTo(Forecast.Level.ALTA);
	}

	@Test
	void anIrregularHistoryHasLowConfidence() {
		Forecast.Result result = this.forecast.of(opened("2021-02-01", "2021-11-15", "2023-06-01", "2023-09-20"),
				LocalDate.parse("2023-10-01"));
		assertThat(result.level()).isEqualTo(Forecast.Level.BAJA);
		Forecast.Result wandering = this.forecast.of(opened("2022-01-10", "2023-05-10", "2024-09-10"),
				LocalDate.parse("2024-10-01"));
		assertThat(wandering.level()).isEqualTo(Forecast.Level.BAJA);
	}

	@Test
	void aSkippedYearKeepsTheProgrammeYearlyButCountsAgainstIt() {
		Forecast.Result result = this.forecast.of(opened("2021-03-08", "2022-03-02", "2024-03-11"),
				LocalDate.parse("2024-06-01"));
		assertThat(result.cadenceMonths()).isEqualTo(12);
		assertThat(result.expected()).isEqualTo(YearMonth.of(2025, 3));
		assertThat(result.hits()).isEqualTo(3);
		assertThat(result.total()).isEqualTo(4);
		assertThat(result.level()).isEqualTo(Forecast.Level.MEDIA);
	}

	@Test
	void oneRoundForecastsNothing() {
		Forecast.Result result = this.forecast.of(opened("2025-03-02"), LocalDate.parse("2025-06-01"));
		assertThat(result.expected()).isNull();
		assertThat(result.level()).isEqualTo(Forecast.Level.NONE);
	}

	@Test
	void aRoundWithOnlyADeadlineOpenedTheProgrammesTypicalWindowBefore() {
		List<Forecast.RoundDates> rounds = List.of(
				new Forecast.RoundDates(LocalDate.parse("2023-03-01"), LocalDate.parse("2023-04-15")),
				new Forecast.RoundDates(LocalDate.parse("2024-03-04"), LocalDate.parse("2024-04-18")),
				new Forecast.RoundDates(null, LocalDate.parse("2025-04-16")));
		Forecast.Result result = this.forecast.of(rounds, LocalDate.parse("2025-10-01"));
		assertThat(result.opened()).containsExactly(YearMonth.of(2023, 3), YearMonth.of(2024, 3),
				YearMonth.of(2025, 3));
		assertThat(result.expected()).isEqualTo(YearMonth.of(2026, 3));
	}

	@Test
	void topicsOfOneCallOpenedTogetherAreOneWindow() {
		Forecast.Result result = this.forecast.of(opened("2024-03-01", "2024-03-01", "2024-03-20", "2025-03-03"),
				LocalDate.parse("2025-05-01"));
		assertThat(result.opened()).hasSize(2);
		assertThat(result.level()).isEqualTo(Forecast.Level.MEDIA);
	}

	@Test
	void aProgrammeThatOpensTwiceAYearIsExpectedSixMonthsOn() {
		Forecast.Result result = this.forecast.of(opened("2023-02-01", "2023-08-03", "2024-02-05", "2024-08-01"),
				LocalDate.parse("2024-09-01"));
		assertThat(result.cadenceMonths()).isEqualTo(6);
		assertThat(result.expected()).isEqualTo(YearMonth.of(2025, 2));
		assertThat(result.level()).isEqualTo(Forecast.Level.ALTA);
	}

	@Test
	void aYearEndProgrammeKeepsItsMonthAcrossTheNewYear() {
		Forecast.Result result = this.forecast.of(opened("2022-12-15", "2024-01-10", "2024-12-20"),
				LocalDate.parse("2025-02-01"));
		assertThat(result.expected()).isEqualTo(YearMonth.of(2025, 12));
		assertThat(result.level()).isEqualTo(Forecast.Level.ALTA);
	}

	private static List<Forecast.RoundDates> opened(String... days) {
		return Arrays.stream(days).map(d -> new Forecast.RoundDates(LocalDate.parse(d), null)).toList();
	}

}
