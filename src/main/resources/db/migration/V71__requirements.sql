-- One requirements model (issue 13): what a call requires is one JSON document, each fact
-- with the sentence it was read from, instead of nineteen columns and an evidence map whose
-- keys doubled as flags. The document's shape is pe.gob.munlima.convoca.requirement
-- .Requirements; a fact the call does not state is absent.
--
-- The same conversion is applied to the calls and to what each source said (call_source
-- .normalised), so the next merge of sources keeps what was read before the upgrade.

-- A fact: {"value": ..., "evidence": "..."}, or nothing when the value is null or empty.
CREATE FUNCTION pg_temp.fact(v jsonb, e text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL OR v = 'null'::jsonb OR v = '[]'::jsonb THEN NULL
                ELSE jsonb_strip_nulls(jsonb_build_object('value', v, 'evidence', e)) END
$$;

-- f: the flat facts under their old names; ev: the old evidence map.
CREATE FUNCTION pg_temp.requirements(f jsonb, ev jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
        'applicants', jsonb_build_object(
            'applicantTypes', pg_temp.fact(f -> 'applicantTypes', ev ->> 'applicantTypes'),
            'applicantTypesNamed', to_jsonb(string_to_array(ev ->> 'applicantTypesNamed', ' '))),
        'places', jsonb_build_object(
            'eligibleGeographies', pg_temp.fact(f -> 'eligibleGeographies', ev ->> 'eligibleGeographies'),
            'eligibleGeographiesNamed', to_jsonb(string_to_array(ev ->> 'eligibleGeographiesNamed', ' ')),
            'funderRule', ev -> 'funderDefault',
            'excludedCountries', pg_temp.fact(f -> 'excludedCountries', ev ->> 'excludedCountries'),
            'eligibleIncomeGroups', pg_temp.fact(f -> 'eligibleIncomeGroups', ev ->> 'incomeGroups'),
            'excludedIncomeGroups', pg_temp.fact(f -> 'excludedIncomeGroups', ev ->> 'incomeGroups'),
            'populationMin', pg_temp.fact(f -> 'populationMin', ev ->> 'population'),
            'populationMax', pg_temp.fact(f -> 'populationMax', ev ->> 'population')),
        'money', jsonb_build_object(
            'currency', f -> 'currency',
            'amountMin', pg_temp.fact(f -> 'amountMin', ev ->> 'amount'),
            'amountMax', pg_temp.fact(f -> 'amountMax', ev ->> 'amount'),
            'totalBudget', pg_temp.fact(f -> 'totalBudget', ev ->> 'totalBudget'),
            'coFinancingPct', pg_temp.fact(f -> 'coFinancingPct', ev ->> 'coFinancing'),
            'reimbursable', pg_temp.fact(f -> 'reimbursable', ev ->> 'reimbursable')),
        'timing', jsonb_build_object(
            'durationMonthsMax', pg_temp.fact(f -> 'durationMonthsMax', ev ->> 'duration'),
            'standing', CASE WHEN ev ? 'standing' THEN pg_temp.fact('true', ev ->> 'standing') END),
        'partners', jsonb_build_object(
            'partnershipRequired', pg_temp.fact(f -> 'partnershipRequired', ev ->> 'partnership'),
            'networkRequired', pg_temp.fact(f -> 'networkRequired', ev ->> 'network'),
            'indirectMembers', CASE WHEN ev ? 'networkIndirect' AND f -> 'networkRequired' <> 'null'::jsonb
                                    THEN pg_temp.fact('true', ev ->> 'networkIndirect') END),
        'applicationLanguages', pg_temp.fact(f -> 'applicationLanguages', ev ->> 'language'),
        'requiredRegistrations', pg_temp.fact(f -> 'requiredRegistrations', ev ->> 'registrations'),
        'instrument', pg_temp.fact(f -> 'instrument', ev ->> 'instrument'),
        'restrictedThemes', CASE WHEN ev ? 'themeRestriction'
                                 THEN pg_temp.fact(f -> 'themes', ev ->> 'themeRestriction') END))
$$;

-- The evidence map keeps what is not a requirement (dates, themes, status).
CREATE FUNCTION pg_temp.other_evidence(ev jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT ev - ARRAY['applicantTypes', 'applicantTypesNamed', 'eligibleGeographies', 'eligibleGeographiesNamed',
                      'funderDefault', 'excludedCountries', 'incomeGroups', 'population', 'amount', 'totalBudget',
                      'coFinancing', 'reimbursable', 'duration', 'standing', 'partnership', 'network',
                      'networkIndirect', 'language', 'registrations', 'instrument', 'themeRestriction']
$$;

ALTER TABLE call ADD COLUMN requirements JSONB NOT NULL DEFAULT '{}';

UPDATE call SET
    requirements = pg_temp.requirements(jsonb_build_object(
        'applicantTypes', to_jsonb(applicant_types), 'eligibleGeographies', to_jsonb(eligible_geographies),
        'excludedCountries', to_jsonb(excluded_countries), 'eligibleIncomeGroups', to_jsonb(eligible_income_groups),
        'excludedIncomeGroups', to_jsonb(excluded_income_groups), 'populationMin', to_jsonb(population_min),
        'populationMax', to_jsonb(population_max), 'currency', to_jsonb(currency), 'amountMin', to_jsonb(amount_min),
        'amountMax', to_jsonb(amount_max), 'totalBudget', to_jsonb(total_budget),
        'coFinancingPct', to_jsonb(co_financing_pct), 'reimbursable', to_jsonb(reimbursable),
        'durationMonthsMax', to_jsonb(duration_months_max), 'partnershipRequired', to_jsonb(partnership_required),
        'networkRequired', to_jsonb(network_required), 'applicationLanguages', to_jsonb(application_languages),
        'requiredRegistrations', to_jsonb(required_registrations), 'instrument', to_jsonb(instrument),
        'themes', to_jsonb(themes)), evidence::jsonb),
    evidence = pg_temp.other_evidence(evidence::jsonb)::text;

UPDATE call_source SET normalised = (
        (normalised::jsonb - ARRAY['amountMin', 'amountMax', 'currency', 'totalBudget', 'coFinancingPct',
                                   'applicantTypes', 'eligibleGeographies', 'excludedCountries',
                                   'partnershipRequired', 'networkRequired', 'reimbursable', 'durationMonthsMax',
                                   'applicationLanguages', 'requiredRegistrations', 'populationMin',
                                   'populationMax', 'eligibleIncomeGroups', 'excludedIncomeGroups', 'instrument'])
        || jsonb_build_object(
            'requirements', pg_temp.requirements(normalised::jsonb, COALESCE(normalised::jsonb -> 'evidence', '{}')),
            'evidence', pg_temp.other_evidence(COALESCE(normalised::jsonb -> 'evidence', '{}'))))::text
    WHERE normalised IS NOT NULL;

ALTER TABLE call
    DROP COLUMN amount_min, DROP COLUMN amount_max, DROP COLUMN currency, DROP COLUMN total_budget,
    DROP COLUMN co_financing_pct, DROP COLUMN applicant_types, DROP COLUMN eligible_geographies,
    DROP COLUMN excluded_countries, DROP COLUMN partnership_required, DROP COLUMN network_required,
    DROP COLUMN reimbursable, DROP COLUMN duration_months_max, DROP COLUMN application_languages,
    DROP COLUMN required_registrations, DROP COLUMN population_min, DROP COLUMN population_max,
    DROP COLUMN eligible_income_groups, DROP COLUMN excluded_income_groups, DROP COLUMN instrument;

-- Bounded like the other fields (V61): a hostile page cannot store megabytes of "facts".
ALTER TABLE call ADD CONSTRAINT call_requirements_size CHECK (octet_length(requirements::text) <= 262144);
