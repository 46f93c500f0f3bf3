package pe.gob.munlima.convoca.project;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationProfiles extends JpaRepository<OrganisationProfileRow, Long> {

}
