package pe.gob.munlima.convoca.call;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of reading/calendar.yaml that dates are written with: month names and
 * abbreviations, weekdays, and the names calls give time zones ("hora de Lima", "Brussels
 * time", "EST"). Names are folded like the text they are looked for in, so the file may
 * be written with accents and capitals. A name that means two months or two zones would
 * make a date depend on the order of the file, so it is refused when the file is read.
 *
 * @param months folded name to month number (1-12)
 * @param weekdays folded weekday names
 * @param zones folded name to the zone it names
 */
record DateWords(Map<String, Integer> months, List<String> weekdays, Map<String, ZoneId> zones) {

	static DateWords load(Path file) {
		CalendarFile parsed = YamlFiles.read(file, CalendarFile.class, "calendar");
		try {
			return of(parsed);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot read calendar " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static DateWords of(CalendarFile file) {
		if (file == null || file.months() == null || file.zones() == null) {
			throw new IllegalArgumentException("it needs both months: and zones:");
		}
		Map<String, Integer> months = new LinkedHashMap<>();
		file.months().forEach((month, names) -> {
			if (month == null || month < 1 || month > 12) {
				throw new IllegalArgumentException("month " + month + " is not 1 to 12");
			}
			put(names, month, months, "month " + month);
		});
		if (months.values().stream().distinct().count() != 12) {
			throw new IllegalArgumentException("months: needs names for every month from 1 to 12");
		}
		Map<String, ZoneId> zones = new LinkedHashMap<>();
		file.zones().forEach((id, names) -> {
			ZoneId zone;
			try {
				zone = ZoneId.of(id);
			}
			catch (DateTimeException ex) {
				throw new IllegalArgumentException("zone " + id + " is not a time-zone id (" + ex.getMessage() + ")");
			}
			put(names, zone, zones, "zone " + id);
		});
		List<String> weekdays = new ArrayList<>();
		if (file.weekdays() != null) {
			file.weekdays().stream().map(TextFolding::fold).filter(day -> !day.isEmpty()).forEach(weekdays::add);
		}
		return new DateWords(Map.copyOf(months), List.copyOf(weekdays), Map.copyOf(zones));
	}

	private static <T> void put(List<String> names, T value, Map<String, T> into, String what) {
		if (names == null || names.isEmpty()) {
			throw new IllegalArgumentException(what + " has no names");
		}
		for (String name : names) {
			String folded = TextFolding.fold(name);
			T before = into.putIfAbsent(folded, value);
			if (folded.isEmpty() || (before != null && !before.equals(value))) {
				throw new IllegalArgumentException(what + ": \"" + name + "\" is empty or names another one too");
			}
		}
	}

	private record CalendarFile(Map<Integer, List<String>> months, List<String> weekdays,
			Map<String, List<String>> zones) {
	}

}
