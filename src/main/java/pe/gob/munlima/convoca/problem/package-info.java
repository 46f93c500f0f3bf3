/**
 * How a module says "no" to a request in the reader's language:
 * {@link pe.gob.munlima.convoca.problem.Refusal}, a problem+json for the API and a
 * sentence for the page, from the message bundles. It depends on no other module, so
 * every module may refuse the same way.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package pe.gob.munlima.convoca.problem;
