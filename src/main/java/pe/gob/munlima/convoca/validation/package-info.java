/**
 * Bean-validation constraints for what users send at the edge (API bodies, forms,
 * imports): plain text without control characters, ISO 4217 currencies, ISO 639-1
 * languages and the themes of the vocabulary. The messages are in the bundles
 * ({@code validation.*}), in the reader's language.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "call" })
package pe.gob.munlima.convoca.validation;
