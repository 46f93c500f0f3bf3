package pe.gob.munlima.convoca.donor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@link DonorRanking} weighs its evidence ({@code convoca.donor.ranking}).
 *
 * @param years how far back a donor's calls count: older calls say little about what it
 * funds now
 * @param call the weight of one call, times the share of the target's themes it covers
 * @param closedToLima the factor for a call whose applicants exclude Lima's kind: the
 * donor funds the theme, but maybe not through cities
 * @param award the weight of each award Lima won with the donor
 * @param application the weight of each application Lima submitted to it
 * @param programme the weight of each recurring programme (two rounds or more) of the
 * donor whose last round funds the target's themes: a call likely to come back
 * @param activity the weight of each of its IATI activities in Latin America on the
 * target's themes (at most {@code activityCap} of them count): money it already spends
 * there on what the target needs
 * @param activityCap how many such activities count at most
 * @param limit how many donors a ranking lists
 */
@ConfigurationProperties("convoca.donor.ranking")
record RankingProperties(Integer years, Double call, Double closedToLima, Double award, Double application,
		Double programme, Double activity, Integer activityCap, Integer limit) {

	RankingProperties {
		years = years == null ? 5 : years;
		call = call == null ? 1.0 : call;
		closedToLima = closedToLima == null ? 0.2 : closedToLima;
		award = award == null ? 2.0 : award;
		application = application == null ? 0.5 : application;
		programme = programme == null ? 1.0 : programme;
		activity = activity == null ? 0.25 : activity;
		activityCap = activityCap == null ? 4 : activityCap;
		limit = limit == null ? 10 : limit;
	}

}
