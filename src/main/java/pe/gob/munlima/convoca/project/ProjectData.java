package pe.gob.munlima.convoca.project;

import java.math.BigDecimal;
import java.util.List;

/** The editable part of a project, as demo data and (later) forms provide it. */
record ProjectData(String title, String description, List<String> themes, BigDecimal budget, BigDecimal requestedAmount,
		String currency, BigDecimal coFinancingAvailable, int durationMonths, List<String> partners,
		List<String> languages) {

	ProjectData {
		themes = themes == null ? List.of() : List.copyOf(themes);
		partners = partners == null ? List.of() : List.copyOf(partners);
		languages = languages == null ? List.of("es") : List.copyOf(languages);
	}

}
