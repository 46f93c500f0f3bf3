/**
 * Matching: every stored call is judged by the eligibility rules against every active
 * project, and the verdict with its reasons is kept as a Match. Project owners ask for a
 * project's matches or for a fresh evaluation of one call and one project.
 */
package pe.gob.munlima.convoca.match;
