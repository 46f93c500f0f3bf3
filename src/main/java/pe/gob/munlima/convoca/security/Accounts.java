package pe.gob.munlima.convoca.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Accounts extends JpaRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	@Query("select a from Account a where lower(a.email) = lower(?1)")
	Optional<Account> findByEmailIgnoringCase(String email);

	List<Account> findAllByOrderByUsernameAsc();

	List<Account> findByGerenciaOrderByUsernameAsc(String gerencia);

	long countByRoleAndEnabledTrue(Role role);

}
