package pe.gob.munlima.convoca.project;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes Lima's profile as an applicant ({@code convoca.organisation.profile}, by default
 * classpath organisation/lima.yaml) into the database at the first start, with demo data
 * or without. Every call is judged against it: without it the matcher has nobody to judge
 * for, so a production node (profile {@code prod}, no demo data) judged nothing. A
 * profile already in the database is never overwritten.
 */
@Component
@Order(5)
class OrganisationSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OrganisationSeed.class);

	private final OrganisationProfiles profiles;

	private final Resource profile;

	OrganisationSeed(OrganisationProfiles profiles,
			@Value("${convoca.organisation.profile:classpath:organisation/lima.yaml}") Resource profile) {
		this.profiles = profiles;
		this.profile = profile;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.profiles.existsById(OrganisationProfileRow.SINGLETON_ID)) {
			return;
		}
		OrganisationProfile read = read();
		this.profiles.save(new OrganisationProfileRow(read));
		log.info("Organisation profile of {} written from {}", read.name(), this.profile.getDescription());
	}

	private OrganisationProfile read() {
		YAMLMapper mapper = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = this.profile.getInputStream()) {
			OrganisationProfile read = mapper.readValue(in, ProfileFile.class).organisation();
			if (read == null || read.name() == null || read.applicantType() == null || read.country() == null) {
				throw new IllegalStateException("Cannot read the organisation profile " + this.profile.getDescription()
						+ ": it needs organisation: with name, applicantType and country");
			}
			return read;
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException(
					"Cannot read the organisation profile " + this.profile.getDescription() + ": " + ex.getMessage(),
					ex);
		}
	}

	private record ProfileFile(OrganisationProfile organisation) {
	}

}
