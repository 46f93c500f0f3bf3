package pe.gob.munlima.convoca.project;

/** Published when a project is created or edited: it is re-matched against open calls. */
public record ProjectChanged(long projectId) {

}
