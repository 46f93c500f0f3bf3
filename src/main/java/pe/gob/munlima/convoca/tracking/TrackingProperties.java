package pe.gob.munlima.convoca.tracking;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The lists the office keeps as data (application.yml, {@code convoca.tracking}); their
 * labels are in the bundles ({@code tracking.discardReason.<code>},
 * {@code tracking.documentType.<code>}).
 *
 * @param discardReasons why an application can be discarded
 * @param documentTypes the cooperation documents an award can lead to (convenio,
 * donación, hermanamiento: the study's list)
 * @param taskLeadDays a task derived from a finding is due this many days before the
 * call's deadline (never before the day it is created)
 */
@ConfigurationProperties("convoca.tracking")
record TrackingProperties(List<DiscardReason> discardReasons, List<String> documentTypes, Integer taskLeadDays) {

	TrackingProperties {
		discardReasons = discardReasons == null || discardReasons.isEmpty()
				? List.of(new DiscardReason("REQUIREMENT_UNMET", false), new DiscardReason("NOT_ENOUGH_TIME", false),
						new DiscardReason("NO_CO_FINANCING", false), new DiscardReason("NOT_A_PRIORITY", false),
						new DiscardReason("OTHER", true))
				: List.copyOf(discardReasons);
		documentTypes = documentTypes == null || documentTypes.isEmpty()
				? List.of("CONVENIO", "DONACION", "HERMANAMIENTO") : List.copyOf(documentTypes);
		taskLeadDays = taskLeadDays == null ? 14 : taskLeadDays;
	}

	Optional<DiscardReason> discardReason(String code) {
		return this.discardReasons.stream().filter(reason -> reason.code().equalsIgnoreCase(code.strip())).findFirst();
	}

	Optional<String> documentType(String code) {
		String wanted = code.strip().toUpperCase(Locale.ROOT);
		return this.documentTypes.stream().filter(wanted::equals).findFirst();
	}

	List<String> discardReasonCodes() {
		return this.discardReasons.stream().map(DiscardReason::code).toList();
	}

	/**
	 * @param noteRequired true when the note must say why ("otro")
	 */
	record DiscardReason(String code, boolean noteRequired) {
	}

}
