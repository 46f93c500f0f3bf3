package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import pe.gob.munlima.convoca.requirement.Requirements;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phenomena of real eligibility statements, one by one, in the four languages, with
 * the shipped vocabulary (reading/vocabulary.yaml, reading/countries.yaml). The sentences
 * are written for these tests: the real calls of ../shared/evaluation are scored by the
 * quality evaluation, not copied here.
 */
class EligibilityReaderTests {

	private final FactExtractor extractor = new FactExtractor(Vocabulary.load(Path.of("reading", "vocabulary.yaml")));

	private FactExtractor.ExtractedFacts read(String text) {
		return this.extractor.extract("Convocatoria", text, null, null);
	}

	@Nested
	class WhoMayApply {

		@Test
		void aModifierListSharedByOneNounIsDistributed() {
			assertThat(read("Eligible recipients include provincial, local and regional governments and NGOs.")
				.requirements()
				.<List<String>>value("applicantTypes")).contains("LOCAL_GOVERNMENT", "REGIONAL_GOVERNMENT", "NGO");
			assertThat(read("Podrán postular los gobiernos regionales y locales.").requirements()
				.<List<String>>value("applicantTypes")).contains("LOCAL_GOVERNMENT", "REGIONAL_GOVERNMENT");
			assertThat(read("L'appel s'adresse aux autorités régionales et locales.").requirements()
				.<List<String>>value("applicantTypes")).contains("LOCAL_GOVERNMENT");
		}

		@Test
		void aClosedListWithoutMunicipalitiesLeavesThemOut() {
			FactExtractor.ExtractedFacts facts = read(
					"Podem participar organizações da sociedade civil e universidades.");

			assertThat(facts.requirements().<List<String>>value("applicantTypes")).containsExactlyInAnyOrder("NGO",
					"UNIVERSITY");
		}

		@Test
		void anExclusionExcludesWhatItGovernsAndQuotesItself() {
			FactExtractor.ExtractedFacts facts = read(
					"Pueden postular asociaciones y fundaciones. Las instituciones públicas no podrán postular.");

			assertThat(facts.requirements().<List<String>>value("applicantTypes")).contains("NGO")
				.doesNotContain("LOCAL_GOVERNMENT", "PUBLIC_BODY");
			assertThat(facts.evidence()).containsEntry("applicantTypes",
					"Las instituciones públicas no podrán postular.");
		}

		@Test
		void anExclusionAloneLeavesEveryOtherKindEligible() {
			FactExtractor.ExtractedFacts facts = read("Municipalities are not eligible.");

			assertThat(facts.requirements().<List<String>>value("applicantTypes")).contains("NGO", "UNIVERSITY")
				.doesNotContain("LOCAL_GOVERNMENT");
		}

		@Test
		void excludingSomeCitiesDoesNotExcludeCities() {
			FactExtractor.ExtractedFacts facts = read(
					"Open to all cities. Cities that won the award in 2024 are not eligible this year.");

			assertThat(facts.requirements().<List<String>>value("applicantTypes")).contains("LOCAL_GOVERNMENT");
		}

		@Test
		void aClauseWithTwoNegationsIsNotFlattenedIntoAnExclusion() {
			FactExtractor.ExtractedFacts facts = read(
					"Open to local governments. You are not eligible if you are not a public body of a member country.");

			assertThat(facts.requirements().<List<String>>value("applicantTypes")).contains("LOCAL_GOVERNMENT");
		}

		@Test
		void whoTheApplicantsWorkWithIsNotWhoApplies() {
			FactExtractor.ExtractedFacts facts = read(
					"Serán seleccionadas organizaciones sin fines de lucro que trabajen con los gobiernos locales.");

			assertThat(facts.requirements().<List<String>>value("applicantTypes")).containsExactly("NGO");
		}

		@Test
		void aCallOpenToAnyoneAdmitsEveryKind() {
			assertThat(
					read("Nominations are accepted from any interested parties, including universities.").requirements()
						.<List<String>>value("applicantTypes"))
				.contains("LOCAL_GOVERNMENT", "NGO", "UNIVERSITY");
		}

		@Test
		void theLinesUnderAnEligibilityHeadingAreReadAsEligibility() {
			FactExtractor.ExtractedFacts facts = read("""
					Who can apply?
					- registered charities
					- universities
					How to apply
					Cities will be informed by e-mail.""");

			assertThat(facts.requirements().<List<String>>value("applicantTypes")).containsExactlyInAnyOrder("NGO",
					"UNIVERSITY");
		}

	}

	@Nested
	class Where {

		@Test
		void aNationalityThatQualifiesTheApplicantBindsTheCall() {
			assertThat(read("Solo pueden postular municipios españoles.").requirements()
				.<List<String>>value("eligibleGeographies")).containsExactly("ES");
			assertThat(read("The fund is open to Canadian municipalities.").requirements()
				.<List<String>>value("eligibleGeographies")).containsExactly("CA");
			assertThat(read("Ce programme s'adresse aux collectivités belges.").requirements()
				.<List<String>>value("eligibleGeographies")).containsExactly("BE");
		}

		@Test
		void aCityNamedForTheApplicantsBindsTheCallToItsCountry() {
			assertThat(read("Podrán postular organizaciones sin fines de lucro de Medellín y Cali.").requirements()
				.<List<String>>value("eligibleGeographies")).containsExactly("CO");
			assertThat(read("Serão selecionadas associações de Recife e Manaus.").requirements()
				.<List<String>>value("eligibleGeographies")).containsExactly("BR");
			// A word that is also a city's name elsewhere is no place: "porto" is a port.
			assertThat(read("Podem participar organizações que atuem no porto de Santos.").requirements()
				.<List<String>>value("eligibleGeographies")).isNull();
		}

		@Test
		void whereApplicantsMustBeWinsOverWhereProjectsHappen() {
			FactExtractor.ExtractedFacts facts = read(
					"Eligible applicants: Dutch municipalities. Projects must be implemented in developing countries.");

			assertThat(facts.requirements().<List<String>>value("eligibleGeographies")).containsExactly("NL");
		}

		@Test
		void aCountryListUnderAnOpeningLineIsRead() {
			FactExtractor.ExtractedFacts facts = read("""
					Se financiarán proyectos en los siguientes países:
					• Bolivia, Ecuador y Perú
					• Honduras""");

			assertThat(facts.requirements().<List<String>>value("eligibleGeographies")).contains("BO", "EC", "PE",
					"HN");
		}

		@Test
		void countriesNamedOutsideEligibilityDoNotBindTheCall() {
			FactExtractor.ExtractedFacts facts = read(
					"Past winners include Bogotá, Colombia and Quito, Ecuador. Open to cities from all over the world.");

			assertThat(facts.requirements().<List<String>>value("eligibleGeographies")).containsExactly("GLOBAL");
		}

		@Test
		void anEmbassyFundsProjectsWhereItStands() {
			FactExtractor.ExtractedFacts facts = EligibilityReaderTests.this.extractor.extract("Small grants",
					"The fund supports community projects.", null, "Embassy of Japan in Nairobi");

			assertThat(facts.requirements().<List<String>>value("eligibleGeographies")).containsExactly("KE");
			assertThat(facts.evidence()).containsEntry("eligibleGeographies", "Embassy of Japan in Nairobi");
		}

		@Test
		void incomeGroupsAreOfCountriesNotOfPeople() {
			assertThat(read("Grants for housing of low-income tenants.").requirements()
				.<List<String>>value("eligibleIncomeGroups")).isNull();
			assertThat(read("Open to cities in low-income countries.").requirements()
				.<List<String>>value("eligibleIncomeGroups")).containsExactly("LOW");
		}

		@Test
		void anExclusionOfACountryIsRead() {
			FactExtractor.ExtractedFacts facts = read("Open to cities worldwide, except Russia.");

			assertThat(facts.requirements().<List<String>>value("excludedCountries")).containsExactly("RU");
		}

	}

	@Nested
	class Documents {

		@Test
		void anAttachedDocumentIsReadLikeThePageAndCitedWithItsPage() {
			FactExtractor.ExtractedFacts facts = EligibilityReaderTests.this.extractor.extract("Convocatoria 2027",
					"Lea las bases adjuntas.", null, null, java.util.List
						.of("[Bases, p. 1]\nIntroducción.\n[Bases, p. 4]\nPodrán postular los municipios peruanos."));

			assertThat(facts.requirements().<List<String>>value("applicantTypes")).contains("LOCAL_GOVERNMENT");
			assertThat(facts.evidence()).containsEntry("applicantTypes",
					"Bases, p. 4: Podrán postular los municipios peruanos.");
		}

		@Test
		void whatThePageSaysComesFirst() {
			FactExtractor.ExtractedFacts facts = EligibilityReaderTests.this.extractor.extract("Convocatoria 2027",
					"Duración máxima de los proyectos: 12 meses.", null, null,
					java.util.List.of("[Bases, p. 2]\nLos proyectos tendrán una duración máxima de 24 meses."));

			assertThat(facts.requirements().<Integer>value("durationMonthsMax")).isEqualTo(12);
		}

	}

	@Nested
	class SelfCheck {

		@Test
		void theQuoteOfARefusalCarriesWhatItNamesPositively() {
			FactExtractor.ExtractedFacts facts = read("Pueden postular ONG y entes locales.");

			assertThat(facts.requirements().<List<String>>value("applicantTypes")).containsExactly("NGO");
			assertThat(facts.requirements().<List<String>>value("applicantTypesNamed")).contains("NGO",
					"LOCAL_GOVERNMENT");
		}

		@Test
		void whoTheApplicantsWorkWithIsNotNamedAsAnApplicant() {
			FactExtractor.ExtractedFacts facts = read(
					"Serán seleccionadas organizaciones sin fines de lucro que trabajen con los gobiernos locales.");

			assertThat(facts.requirements().<List<String>>value("applicantTypesNamed"))
				.doesNotContain("LOCAL_GOVERNMENT");
		}

		@Test
		void anExcludedKindIsNotNamedPositively() {
			FactExtractor.ExtractedFacts facts = read("Los gobiernos locales no podrán postular.");

			assertThat(facts.requirements().<List<String>>value("applicantTypesNamed"))
				.doesNotContain("LOCAL_GOVERNMENT");
		}

	}

	@Nested
	class Themes {

		@Test
		void themesNamedAsExamplesAreNotARestriction() {
			FactExtractor.ExtractedFacts facts = read(
					"Areas of support include education, health, sanitation and disaster risk reduction.");

			assertThat(facts.themes()).contains("education", "health");
			assertThat(facts.evidence()).doesNotContainKey("restrictedThemes");
		}

		@Test
		void aRestrictionInWordsIsKeptWithItsSentence() {
			FactExtractor.ExtractedFacts facts = read(
					"Se financiarán exclusivamente proyectos de movilidad urbana sostenible. El programa apoya la cultura.");

			assertThat(facts.themes()).containsExactly("mobility");
			assertThat(facts.evidence()).containsEntry("restrictedThemes",
					"Se financiarán exclusivamente proyectos de movilidad urbana sostenible.");
		}

	}

	@Nested
	class Money {

		@Test
		void amountsInWordsAreRead() {
			Requirements.Money yen = read("La subvención máxima es de diez millones de yenes por proyecto.")
				.requirements()
				.money();
			assertThat(yen.max()).isEqualByComparingTo("10000000");
			assertThat(yen.currency()).isEqualTo("JPY");
			assertThat(read("Le montant de la subvention ne peut dépasser cinq cent mille euros.").requirements()
				.money()
				.max()).isEqualByComparingTo("500000");
		}

		@Test
		void aProgrammeTotalIsNotAPerProjectCeiling() {
			FactExtractor.ExtractedFacts facts = read(
					"The overall indicative amount made available is EUR 5,000,000. Grants of up to EUR 100,000 each.");

			assertThat(facts.requirements().<BigDecimal>value("totalBudget")).isEqualByComparingTo("5000000");
			assertThat(facts.requirements().money().max()).isEqualByComparingTo("100000");
		}

		@Test
		void aPreferredRangeGivesWayToTheStatedCeiling() {
			FactExtractor.ExtractedFacts facts = read(
					"We encourage requests between USD 5,000 and 10,000. The grant amount should not exceed USD 30,000.");

			assertThat(facts.requirements().money().max()).isEqualByComparingTo("30000");
		}

		@Test
		void moreCurrencies() {
			assertThat(read("Grants range from £50,000 to £150,000.").requirements().money().currency())
				.isEqualTo("GBP");
			assertThat(read("Funding of up to 40,000 Australian dollars.").requirements().money().currency())
				.isEqualTo("AUD");
			assertThat(read("Monto máximo: S/ 200,000.").requirements().money().currency()).isEqualTo("PEN");
		}

		@Test
		void aCapOnTheFundersShareIsCoFinancing() {
			assertThat(read("La subvención no podrá superar el 80% del costo total del proyecto.").requirements()
				.<BigDecimal>value("coFinancingPct")).isEqualByComparingTo("20");
		}

	}

	@Nested
	class Conditions {

		@Test
		void populationTiersKeepTheWidestEnvelope() {
			FactExtractor.ExtractedFacts facts = read(
					"Pueden participar ciudades de entre 50 mil y un millón de habitantes.");

			assertThat(facts.requirements().<Long>value("populationMin")).isEqualTo(50_000L);
			assertThat(facts.requirements().<Long>value("populationMax")).isEqualTo(1_000_000L);
			FactExtractor.ExtractedFacts tiers = read(
					"Cities of more than 100,000 inhabitants may apply. Towns of 20,000 to 100,000 inhabitants may too.");
			assertThat(tiers.requirements().<Long>value("populationMin")).isEqualTo(20_000L);
			assertThat(tiers.requirements().<Long>value("populationMax")).isNull();
		}

		@Test
		void aLongestDurationIsReadInWordsButNotFromAMinimumOrALoanTerm() {
			assertThat(read("Projects may last a maximum of two years.").requirements()
				.<Integer>value("durationMonthsMax")).isEqualTo(24);
			assertThat(read("Projects must run for at least 18 months.").requirements()
				.<Integer>value("durationMonthsMax")).isNull();
		}

		@Test
		void aStandingProgrammeIsRecognised() {
			assertThat(read("Applications are accepted on a rolling basis.").evidence()).containsKey("standing");
			assertThat(read("El fondo funciona como ventanilla abierta.").evidence()).containsKey("standing");
			assertThat(read("Fecha límite: 15 de marzo de 2027.").evidence()).doesNotContainKey("standing");
		}

		@Test
		void membershipOfANetworkTheVocabularyDoesNotKnowIsStillRequired() {
			FactExtractor.ExtractedFacts facts = read("Only members of the Global Forum of Harbour Cities may apply.");

			assertThat(facts.requirements().<String>value("networkRequired"))
				.isEqualTo("GLOBAL FORUM OF HARBOUR CITIES");
		}

		@Test
		void membershipIsNotRequiredWhenTheCallWaivesIt() {
			assertThat(read("Open to all cities, regardless of whether they are members of ICLEI.").requirements()
				.<String>value("networkRequired")).isNull();
		}

		@Test
		void aRegistryTheVocabularyDoesNotKnowIsStillRequired() {
			FactExtractor.ExtractedFacts facts = read(
					"Applicants must be registered in the Registro Nacional de Agentes de Cooperación para el Desarrollo.");

			assertThat(facts.requirements().<List<String>>value("requiredRegistrations"))
				.containsExactly("REGISTRO NACIONAL DE AGENTES DE COOPERACION");
		}

	}

}
