package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CallRepository extends JpaRepository<Call, Long> {

	Optional<Call> findByStableKey(String stableKey);

	Page<Call> findAllByOrderByIdAsc(Pageable pageable);

	List<Call> findByReference(String reference);

	/** Calls not closed whose deadline passed: the closing sweep's work. */
	@Query("select c.id from Call c where c.status <> 'CLOSED' and c.deadline < :now")
	List<Long> findOpenWithDeadlineBefore(@Param("now") Instant now);

	/** Forthcoming calls whose opening date came. */
	@Query("select c.id from Call c where c.status = 'FORTHCOMING' and c.opensAt <= :now")
	List<Long> findForthcomingOpenedBy(@Param("now") Instant now);

	/** The call, locked until the transaction ends: two nodes never close it twice. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Call c where c.id = :id")
	Optional<Call> lockById(@Param("id") long id);

	long countByDeadlineIsNullOrDeadlineGreaterThanEqual(Instant now);

	List<Call> findByDeadlineBetweenOrderByDeadlineAsc(Instant from, Instant to, Limit limit);

	List<Call> findByFirstSeenAtGreaterThanEqualAndFirstSeenAtLessThanOrderByIdAsc(Instant from, Instant to);

	/**
	 * Every funder the calls name, with how many calls and the last time one was seen.
	 */
	@Query("select new pe.gob.munlima.convoca.call.FunderCalls(c.funder, count(c), max(c.lastSeenAt)) from Call c"
			+ " where c.funder is not null and c.funder <> '' group by c.funder")
	List<FunderCalls> countByFunder();

	@Query("select c from Call c where lower(c.funder) in :funders order by c.firstSeenAt desc, c.id desc")
	List<Call> findByFunders(@Param("funders") java.util.Collection<String> lowerCaseFunders);

	/** Keyset paging: cost does not grow with the position, unlike an offset. */
	List<Call> findByIdGreaterThanOrderByIdAsc(long id, Limit limit);

}
