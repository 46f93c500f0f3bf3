package pe.gob.munlima.convoca.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Convoca names things in the 360Giving export ({@code convoca.report.giving}).
 *
 * @param prefix the 360Giving prefix of grant identifiers; 360Giving registers one per
 * publisher (a "360G-" prefix), and every grant's id starts with it
 * @param recipientId the municipality's organisation identifier in the org-id.guide form
 * (list code, then the registered number), the recipient of every grant exported
 * @param dataSource where the published file lives, if it is published; may be empty
 */
@ConfigurationProperties("convoca.report.giving")
record GivingProperties(String prefix, String recipientId, String dataSource) {

	GivingProperties {
		prefix = prefix == null || prefix.isBlank() ? "360G-convoca-mml" : prefix.strip();
		recipientId = recipientId == null || recipientId.isBlank() ? "PE-RUC-20131380951" : recipientId.strip();
		dataSource = dataSource == null || dataSource.isBlank() ? null : dataSource.strip();
	}

}
