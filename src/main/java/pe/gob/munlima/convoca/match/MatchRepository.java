package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MatchRepository extends JpaRepository<Match, Long> {

	/** Calls with a verdict of another rule set than {@code version}, in id order. */
	@org.springframework.data.jpa.repository.Query("select distinct m.callId from Match m where m.ruleSetVersion <> :version order by m.callId")
	List<Long> findCallIdsJudgedByOtherThan(String version);

	Optional<Match> findByCallIdAndProjectId(long callId, long projectId);

	Optional<Match> findByCallIdAndGerenciaId(long callId, long gerenciaId);

	List<Match> findByCallId(long callId);

	List<Match> findByCallIdInOrderByIdAsc(Collection<Long> callIds);

	List<Match> findByProjectId(long projectId);

	List<Match> findByProjectIdOrderByScoreDescCallIdAsc(long projectId);

	List<Match> findByProjectIdAndVerdictOrderByScoreDescCallIdAsc(long projectId, String verdict);

	List<Match> findByCallIdOrderByVerdictAscScoreDesc(long callId);

	List<Match> findByGerenciaIdOrderByScoreDescCallIdAsc(long gerenciaId);

	List<Match> findByFirstSeenAtGreaterThanEqualAndFirstSeenAtLessThanOrderByIdAsc(Instant from, Instant to);

	/** New matches of these verdicts, but those a gerencia dismissed ("no aplica"). */
	@org.springframework.data.jpa.repository.Query(nativeQuery = true,
			value = "SELECT count(*) FROM match m WHERE m.first_seen_at >= :since AND m.verdict IN (:verdicts) AND NOT "
					+ AnswerStore.DISMISSED)
	long countNewNotDismissed(Instant since, Collection<String> verdicts);

}
