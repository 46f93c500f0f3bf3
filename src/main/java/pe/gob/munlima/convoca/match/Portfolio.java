package pe.gob.munlima.convoca.match;

import java.util.List;
import java.util.Map;

import org.apache.lucene.search.Query;

import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;

/**
 * The active projects and gerencias with their stored queries, taken once per matching
 * run so a batch of calls is judged against one consistent portfolio.
 */
record Portfolio(OrganisationProfile organisation, List<ProjectProfile> projects, Map<Long, Query> projectQueries,
		List<GerenciaProfile> gerencias, Map<Long, Query> gerenciaQueries) {

}
