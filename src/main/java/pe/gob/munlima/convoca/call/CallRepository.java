package pe.gob.munlima.convoca.call;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CallRepository extends JpaRepository<Call, Long> {

	Optional<Call> findByStableKey(String stableKey);

	Page<Call> findAllByOrderByIdAsc(Pageable pageable);

}
