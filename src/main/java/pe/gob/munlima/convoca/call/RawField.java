package pe.gob.munlima.convoca.call;

/**
 * The structured fields a source may give besides a call's title, link and description.
 * Source definitions map their own field names (a JSON path, a CSS selector, an XML
 * element) onto these names, so one normaliser serves every kind of source. Each value is
 * kept as the source wrote it (text); the normaliser reads it, and what it cannot read
 * stays unknown. The names follow the canonical fields of CommonGrants, Grants.gov and
 * the EU Funding &amp; Tenders Portal (see shared/research/mission-anchors.md).
 */
public enum RawField {

	/**
	 * The donor's own reference for the call (Grants.gov opportunity number, EU topic
	 * identifier): after the source's id, the second key used to find the same call on
	 * two sources.
	 */
	REFERENCE,

	/** Who funds the call when the item says so (aggregators list many funders). */
	FUNDER,

	/** Programme or framework the call belongs to (Horizon Europe, Fondo de ...). */
	PROGRAMME,

	/** Status as the source states it (posted, forecasted, closed, abierta, 31094501). */
	STATUS,

	/** Opening date as written or as an ISO date. */
	OPENS_AT,

	/** Deadlines as written or as ISO dates; several values are several key dates. */
	DEADLINE,

	/** An amount in free text ("up to USD 50,000", "EUR 500.000"). */
	AMOUNT,

	/** Smallest grant (award floor, minContribution), a number as text. */
	AMOUNT_MIN,

	/** Largest grant (award ceiling, maxContribution), a number as text. */
	AMOUNT_MAX,

	/** Total funding of the call or programme, a number as text. */
	TOTAL_BUDGET,

	/** ISO 4217 currency when the source gives it apart from the amounts. */
	CURRENCY,

	/** Applicant types as labels or the source's codes (Grants.gov "02", "25"...). */
	APPLICANT_TYPES,

	/** Eligibility conditions in free text. */
	ELIGIBILITY,

	/** Eligible countries or regions as the source names them. */
	COUNTRIES,

	/** Categories, topics, sectors or keywords. */
	THEMES,

	/** Funding instrument (grant, cooperative agreement, loan, procurement...). */
	INSTRUMENT,

	/** Co-financing or cost-sharing requirement, as text or a yes/no flag. */
	CO_FINANCING,

	/** Project duration limits in free text. */
	DURATION,

	/** Language of the item (ISO 639-1 or a name) when the source states it. */
	LANGUAGE,

	/**
	 * The text of a document attached to the call (its bases, terms of reference), one
	 * value per document, each page opened by a marker line naming the document and the
	 * page: {@code [Bases, p. 4]}. The reader reads it like the page and cites "Bases, p.
	 * 4: …"; what the page itself says comes first.
	 */
	DOCUMENT

}
