package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * CSV files whose first row names the columns (a Grants.gov extract flattened to CSV
 * keeps the XML element names), read row by row; each field is a column by name. A zipped
 * file is opened as its first file, with the same decompression cap as XML.
 */
final class CsvExtractor implements Extractor {

	private final CsvMapper csv = CsvMapper.builder().build();

	@Override
	@SuppressWarnings("unchecked")
	public PageInfo read(Body body, Reading reading, Consumer<Item> sink) {
		CsvSchema schema = CsvSchema.emptySchema().withHeader();
		try (InputStream raw = body.open();
				InputStream in = Unzip.maybe(raw, reading.maxUncompressedBytes(), reading.base().toString());
				MappingIterator<Map<String, String>> rows = this.csv.readerFor(Map.class).with(schema).readValues(in)) {
			while (rows.hasNextValue()) {
				Map<String, String> row = rows.nextValue();
				sink.accept((locator, markup) -> {
					String value = row.get(locator);
					return value == null || value.isBlank() ? List.of() : List.of(value.strip());
				});
			}
		}
		catch (JacksonException ex) {
			throw new ExtractionException(reading.base() + ": el CSV no es válido (" + ex.getOriginalMessage()
					+ (ex.getLocation() == null ? "" : ", línea " + ex.getLocation().getLineNr()) + ")", ex);
		}
		catch (IOException ex) {
			throw new ExtractionException(reading.base() + ": " + ex.getMessage(), ex);
		}
		return PageInfo.NONE;
	}

	@Override
	public String check(String locator) {
		return locator.isBlank() ? "nombre de columna vacío" : null;
	}

}
