package pe.gob.munlima.convoca.crawl;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CrawlRuns extends JpaRepository<CrawlRun, Long> {

	List<CrawlRun> findTop20BySourceIdOrderByStartedAtDesc(String sourceId);

	List<CrawlRun> findBySourceIdAndStatus(String sourceId, String status);

}
