package pe.gob.munlima.convoca.crawl;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Feed imports ({@code POST /api/admin/calls/import} and the Fuentes page).
 *
 * @param asyncThreshold a file with more items than this is imported in the background
 * (202 and a job to follow); smaller ones are answered when stored, as before
 * @param batchSize items stored between two progress updates of a background import
 * @param maxQueued background imports that may wait behind the one running; one more is
 * refused with 503 and Retry-After
 */
@ConfigurationProperties("convoca.crawl.import")
record ImportProperties(Integer asyncThreshold, Integer batchSize, Integer maxQueued) {

	ImportProperties {
		asyncThreshold = asyncThreshold == null || asyncThreshold < 0 ? 300 : asyncThreshold;
		batchSize = batchSize == null || batchSize <= 0 ? 50 : batchSize;
		maxQueued = maxQueued == null || maxQueued < 0 ? 4 : maxQueued;
	}

}
