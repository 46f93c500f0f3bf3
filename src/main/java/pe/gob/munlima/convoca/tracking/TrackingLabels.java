package pe.gob.munlima.convoca.tracking;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Labels of the lists kept as data, from the bundles; a code without a label shows as
 * itself, so a reason added to the configuration works before it is translated.
 */
final class TrackingLabels {

	private TrackingLabels() {
	}

	/** A stage: "postulando", or "applying" in English. */
	static MessageSourceResolvable stage(Stage stage) {
		return new DefaultMessageSourceResolvable(new String[] { "stage." + stage.name() }, stage.alias());
	}

	static java.util.List<MessageSourceResolvable> stages(java.util.List<Stage> stages) {
		return stages.stream().map(TrackingLabels::stage).toList();
	}

	static MessageSourceResolvable discardReason(String code) {
		return new DefaultMessageSourceResolvable(new String[] { "tracking.discardReason." + code }, code);
	}

	static MessageSourceResolvable documentType(String code) {
		return new DefaultMessageSourceResolvable(new String[] { "tracking.documentType." + code }, code);
	}

}
