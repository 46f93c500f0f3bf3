package pe.gob.munlima.convoca.call;

import java.util.Locale;

/**
 * Which number comes first in a numeric date such as "05/03/2026". Only the source's
 * locale or language can tell: the United States write month first, Peru, Europe and
 * Brazil day first. When nothing tells, a date whose two first numbers could both be a
 * month is not read at all: a deadline on the wrong day is worse than an unknown one.
 */
enum DateOrder {

	DAY_FIRST, MONTH_FIRST, UNKNOWN;

	/**
	 * From the source's locale when it states one (en-US is month first, any other
	 * country day first), else from the language of the text: Spanish, French and
	 * Portuguese write day first everywhere; English is left unknown (US or not).
	 */
	static DateOrder of(String localeTag, String language) {
		if (localeTag != null && !localeTag.isBlank()) {
			Locale locale = Locale.forLanguageTag(localeTag);
			String country = locale.getCountry();
			if ("US".equals(country) || "PH".equals(country)) {
				return MONTH_FIRST;
			}
			if (!country.isEmpty() || !"en".equals(locale.getLanguage())) {
				return DAY_FIRST;
			}
		}
		if ("es".equals(language) || "fr".equals(language) || "pt".equals(language)) {
			return DAY_FIRST;
		}
		return UNKNOWN;
	}

}
