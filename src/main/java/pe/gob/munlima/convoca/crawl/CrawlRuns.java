package pe.gob.munlima.convoca.crawl;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CrawlRuns extends JpaRepository<CrawlRun, Long> {

	List<CrawlRun> findTop20BySourceIdOrderByStartedAtDescIdDesc(String sourceId);

	Optional<CrawlRun> findFirstByOrderByStartedAtDescIdDesc();

	List<CrawlRun> findBySourceIdAndStatus(String sourceId, String status);

	List<CrawlRun> findByStatus(String status);

}
