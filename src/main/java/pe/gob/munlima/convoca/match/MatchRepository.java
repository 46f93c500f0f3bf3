package pe.gob.munlima.convoca.match;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MatchRepository extends JpaRepository<Match, Long> {

	Optional<Match> findByCallIdAndProjectId(long callId, long projectId);

	List<Match> findByProjectIdOrderByScoreDescCallIdAsc(long projectId);

	List<Match> findByProjectIdAndVerdictOrderByScoreDescCallIdAsc(long projectId, String verdict);

}
