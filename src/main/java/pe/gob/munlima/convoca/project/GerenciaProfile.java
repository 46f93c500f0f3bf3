package pe.gob.munlima.convoca.project;

import java.util.List;

/** What other modules know of a gerencia. */
public record GerenciaProfile(long id, String code, String name, List<String> competences, String contactEmail) {

}
