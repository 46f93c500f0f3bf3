package pe.gob.munlima.convoca.project;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Gerencias extends JpaRepository<Gerencia, Long> {

	Optional<Gerencia> findByCode(String code);

}
