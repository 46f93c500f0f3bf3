package pe.gob.munlima.convoca.match;

import java.util.List;

import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;

/**
 * The active projects and gerencias, taken once per matching run so a batch of calls is
 * judged against one consistent portfolio. Their stored queries are their theme sets (see
 * {@link Percolator#themeScores}).
 */
record Portfolio(OrganisationProfile organisation, List<ProjectProfile> projects, List<GerenciaProfile> gerencias) {

}
