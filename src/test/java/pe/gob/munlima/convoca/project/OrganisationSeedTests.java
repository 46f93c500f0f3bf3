package pe.gob.munlima.convoca.project;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Lima's profile file: a broken one stops the first start with its name and what is
 * missing; once the database holds a profile the file is not read again, so an edit made
 * through the service is never overwritten.
 */
class OrganisationSeedTests {

	@Test
	void aProfileWithoutItsApplicantTypeStopsTheFirstStartSayingWhatIsMissing() {
		OrganisationProfiles profiles = mock(OrganisationProfiles.class);
		OrganisationSeed seed = new OrganisationSeed(profiles, resource(
				"organisation:\n  name: Municipalidad Metropolitana de Lima\n  country: PE\n  population: 8574974\n"));

		assertThatThrownBy(() -> seed.run(null)).hasMessageContaining("perfil-roto.yaml")
			.hasMessageContaining("needs organisation: with name, applicantType and country");
		verify(profiles, never()).save(any());
	}

	@Test
	void aProfileAlreadyInTheDatabaseIsKeptAndTheFileNotRead() {
		OrganisationProfiles profiles = mock(OrganisationProfiles.class);
		when(profiles.existsById(OrganisationProfileRow.SINGLETON_ID)).thenReturn(true);

		new OrganisationSeed(profiles, resource("organisation: [not, a, profile")).run(null);

		verify(profiles, never()).save(any());
	}

	private static ByteArrayResource resource(String yaml) {
		return new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "perfil-roto.yaml");
	}

}
