package pe.gob.munlima.convoca.call;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader's calendar and currency words are data (reading/calendar.yaml,
 * reading/currencies.yaml): the office extends them by editing the files, and a mistake
 * in them stops the start with the file and the entry named, instead of reading dates or
 * amounts wrongly.
 */
class ReadingDataTests {

	@TempDir
	Path dir;

	@Test
	void aCurrencyAddedToTheFileIsReadInCalls() throws IOException {
		Files.writeString(copyOfReading().resolve("currencies.yaml"), "  PYG: [guaraníes, ₲]\n",
				StandardOpenOption.APPEND);
		Vocabulary vocabulary = Vocabulary.load(this.dir.resolve("vocabulary.yaml"));

		assertThat(ReadingFiles.AMOUNTS.parse(TextFolding.fold("Hasta 500.000.000 guaraníes por municipio"))).isEmpty();
		AmountParser.Amounts amounts = vocabulary.amounts()
			.parse(TextFolding.fold("Hasta 500.000.000 guaraníes por municipio"))
			.orElseThrow();
		assertThat(amounts.currency()).isEqualTo("PYG");
		assertThat(amounts.max()).isEqualByComparingTo(new BigDecimal("500000000"));
		assertThat(vocabulary.amounts().parse(TextFolding.fold("₲ 20.000.000")).orElseThrow().currency())
			.isEqualTo("PYG");
	}

	@Test
	void aZoneAddedToTheFileGivesTheDeadlineItsHour() throws IOException {
		Path reading = copyOfReading();
		String calendar = Files.readString(reading.resolve("calendar.yaml"));
		Files.writeString(reading.resolve("calendar.yaml"),
				calendar.replace("zones:\n", "zones:\n  America/Asuncion: [hora de Asunción, hora paraguaya]\n"));
		Vocabulary vocabulary = Vocabulary.load(reading.resolve("vocabulary.yaml"));

		DateReader.ReadDate date = new DateReader(DateOrder.DAY_FIRST, vocabulary.dates())
			.value("15 de marzo de 2027 a las 17:00 hora de Asunción");

		assertThat(date.time()).isEqualTo(LocalTime.of(17, 0));
		assertThat(date.zone()).isEqualTo(ZoneId.of("America/Asuncion"));
	}

	@Test
	void aMonthNameAddedToTheFileIsRead() throws IOException {
		Path reading = copyOfReading();
		String calendar = Files.readString(reading.resolve("calendar.yaml"));
		Files.writeString(reading.resolve("calendar.yaml"), calendar.replace("  3: [marzo,", "  3: [mzo, marzo,"));
		Vocabulary vocabulary = Vocabulary.load(reading.resolve("vocabulary.yaml"));

		assertThat(new DateReader(DateOrder.DAY_FIRST, ReadingFiles.DATES).value("15 mzo 2027")).isNull();
		assertThat(new DateReader(DateOrder.DAY_FIRST, vocabulary.dates()).value("15 mzo 2027").date())
			.hasToString("2027-03-15");
	}

	@Test
	void aCurrencyCodeThatIsNotIsoStopsTheStartNamingIt() throws IOException {
		Files.writeString(copyOfReading().resolve("currencies.yaml"), "  SOL: [soles de oro]\n",
				StandardOpenOption.APPEND);

		assertThatThrownBy(() -> Vocabulary.load(this.dir.resolve("vocabulary.yaml")))
			.hasMessageContaining("currencies.yaml")
			.hasMessageContaining("SOL is not an ISO 4217 code");
	}

	@Test
	void aNameGivenToTwoCurrenciesIsRefused() throws IOException {
		Files.writeString(copyOfReading().resolve("currencies.yaml"), "  MXN: [pesos]\n  COP: [pesos]\n",
				StandardOpenOption.APPEND);

		assertThatThrownBy(() -> Vocabulary.load(this.dir.resolve("vocabulary.yaml")))
			.hasMessageContaining("currencies.yaml")
			.hasMessageContaining("\"pesos\"");
	}

	@Test
	void anUnknownZoneOrAMissingMonthStopsTheStartNamingTheFile() throws IOException {
		Path reading = copyOfReading();
		String calendar = Files.readString(reading.resolve("calendar.yaml"));
		Files.writeString(reading.resolve("calendar.yaml"), calendar.replace("America/Lima:", "America/Limaa:"));

		assertThatThrownBy(() -> Vocabulary.load(reading.resolve("vocabulary.yaml")))
			.hasMessageContaining("calendar.yaml")
			.hasMessageContaining("America/Limaa");

		Files.writeString(reading.resolve("calendar.yaml"), calendar.replaceAll("(?m)^  12: .*$", ""));
		assertThatThrownBy(() -> Vocabulary.load(reading.resolve("vocabulary.yaml")))
			.hasMessageContaining("calendar.yaml")
			.hasMessageContaining("every month");
	}

	@Test
	void aMissingCalendarFileStopsTheStartNamingIt() throws IOException {
		Path reading = copyOfReading();
		Files.delete(reading.resolve("calendar.yaml"));

		assertThatThrownBy(() -> Vocabulary.load(reading.resolve("vocabulary.yaml")))
			.hasMessageContaining("Cannot read calendar")
			.hasMessageContaining("calendar.yaml");
	}

	private Path copyOfReading() throws IOException {
		for (String file : new String[] { "vocabulary.yaml", "countries.yaml", "calendar.yaml", "currencies.yaml" }) {
			Files.copy(Path.of("reading", file), this.dir.resolve(file));
		}
		return this.dir;
	}

}
