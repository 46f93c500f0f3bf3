/**
 * Money, the one kind the whole application counts with (a shared kernel with no
 * dependencies, so every module may use it): an
 * {@link pe.gob.munlima.convoca.money.Amount} is a {@code BigDecimal} in an ISO 4217
 * currency, and it changes currency only through a
 * {@link pe.gob.munlima.convoca.money.RateTable}, USD for one unit of each currency, so
 * PEN to EUR and EUR to PEN go through the same two rates and agree.
 * <p>
 * {@link pe.gob.munlima.convoca.money.ExchangeRates} reads the rate tables of the
 * {@code exchangeRates} section of {@code rules/parameters.yaml}, the only rates in the
 * system: one table from each date on, and the table in force on a day is the latest
 * whose date is not after it (before the first date, the first). The rules convert with
 * the table of the day they judge on, reports with the table of the day they are asked
 * for, and the search index buckets amounts with the latest. A rate of zero or below is
 * refused, naming the currency; a currency the table does not list has no rate, and
 * whatever needs it says so (an amount left out of a USD bucket, a total kept apart as
 * "unconverted") instead of guessing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package pe.gob.munlima.convoca.money;
