package pe.gob.munlima.convoca.alert;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code convoca.alerts.*}; application.yml documents each setting. The delivery's
 * settings under the same prefix ({@code from}, {@code unsubscribe-secret},
 * {@code dispatch.*}) are the notify module's.
 *
 * @param baseUrl where people open Convoca: every link of an e-mail or a calendar starts
 * with it
 */
@ConfigurationProperties("convoca.alerts")
record AlertProperties(@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue Digest digest,
		@DefaultValue SavedSearches savedSearches, @DefaultValue Reminders reminders, @DefaultValue Changes changes) {

	/** Links without a trailing slash, so paths can be appended. */
	String base() {
		return this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
	}

	/**
	 * @param cron when the weekly digest goes out (Quartz cron, in {@code zone})
	 * @param sendWhenEmpty a week with nothing new still sends a short "nada nuevo"
	 * digest
	 * @param closingDays the digest lists fitting calls closing within this many days
	 * @param topReasons reasons shown per match
	 */
	record Digest(@DefaultValue("0 0 8 ? * MON") String cron, @DefaultValue("America/Lima") String zone,
			@DefaultValue("true") boolean sendWhenEmpty, @DefaultValue("30") int closingDays,
			@DefaultValue("3") int topReasons) {
	}

	/**
	 * @param cron when saved-search alerts go out (daily ones every day, weekly ones on
	 * {@code weeklyDay})
	 */
	record SavedSearches(@DefaultValue("0 30 7 * * ?") String cron, @DefaultValue("MONDAY") String weeklyDay,
			@DefaultValue("25") int maxCalls) {
	}

	/**
	 * @param daysBefore a reminder this many days before the deadline of an application
	 * in stage "postulando", each sent once
	 */
	record Reminders(@DefaultValue("0 0 7 * * ?") String cron, @DefaultValue( {
			"14", "7", "2" }) List<Integer> daysBefore){
	}

	/**
	 * @param fields changed fields of a matched call that make a change notice
	 */
	record Changes(@DefaultValue( {
			"deadline", "status", "amountMin", "amountMax", "currency", "coFinancingPct", "applicantTypes",
			"eligibleGeographies", "excludedCountries", "reimbursable" }) List<String> fields){
	}

}
