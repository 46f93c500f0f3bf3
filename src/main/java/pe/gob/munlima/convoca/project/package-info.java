/**
 * The municipality as an applicant: Lima's organisation profile, its gerencias with their
 * competences, and the projects in their portfolio ("proyectos en cartera"). Other
 * modules read them through {@link pe.gob.munlima.convoca.project.Projects} as immutable
 * records.
 */
package pe.gob.munlima.convoca.project;
