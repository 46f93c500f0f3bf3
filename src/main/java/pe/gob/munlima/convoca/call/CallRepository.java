package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CallRepository extends JpaRepository<Call, Long> {

	Optional<Call> findByStableKey(String stableKey);

	Page<Call> findAllByOrderByIdAsc(Pageable pageable);

	long countByDeadlineIsNullOrDeadlineGreaterThanEqual(Instant now);

	List<Call> findByDeadlineBetweenOrderByDeadlineAsc(Instant from, Instant to, Limit limit);

	List<Call> findByFirstSeenAtGreaterThanEqualAndFirstSeenAtLessThanOrderByIdAsc(Instant from, Instant to);

	/** Keyset paging: cost does not grow with the position, unlike an offset. */
	List<Call> findByIdGreaterThanOrderByIdAsc(long id, Limit limit);

}
