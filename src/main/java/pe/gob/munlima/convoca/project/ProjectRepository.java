package pe.gob.munlima.convoca.project;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<Project, Long> {

	Optional<Project> findByCode(String code);

	List<Project> findByStatusOrderByIdAsc(String status);

}
