/**
 * Database bootstrap. When no {@code spring.datasource.url} is configured (the first run,
 * the demo and the tests) an embedded PostgreSQL is started from the binaries shipped in
 * Maven Central, so the service has a single SQL dialect everywhere.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package pe.gob.munlima.convoca.db;
