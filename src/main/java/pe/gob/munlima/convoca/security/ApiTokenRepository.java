package pe.gob.munlima.convoca.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserIdOrderByIdAsc(long userId);

	Optional<ApiToken> findByIdAndUserId(long id, long userId);

}
