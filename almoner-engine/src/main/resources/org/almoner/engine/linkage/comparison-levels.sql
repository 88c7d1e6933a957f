-- Comparison levels of one pair of prepared records l and r, best first; -1 where either side is blank
-- (a blank says nothing either way, so it adds no weight). The level numbers are the indexes of the
-- labels in LinkField; keep the two in step.
CASE WHEN l.given_name IS NULL OR r.given_name IS NULL THEN -1
     WHEN l.given_name = r.given_name THEN 0
     WHEN len(list_intersect(l.given_names, r.given_names)) > 0 THEN 1
     WHEN jaro_winkler_similarity(l.given_name, r.given_name) >= 0.92 THEN 2
     WHEN jaro_winkler_similarity(l.given_name, r.given_name) >= 0.80 THEN 3
     ELSE 4 END AS given_name_level,
CASE WHEN l.family_name IS NULL OR r.family_name IS NULL THEN -1
     WHEN l.family_name = r.family_name THEN 0
     WHEN damerau_levenshtein(l.family_name, r.family_name) <= 1 THEN 1
     WHEN jaro_winkler_similarity(l.family_name, r.family_name) >= 0.88 THEN 2
     ELSE 3 END AS family_name_level,
CASE WHEN l.date_of_birth IS NULL OR r.date_of_birth IS NULL THEN -1
     WHEN l.date_of_birth = r.date_of_birth THEN 0
     WHEN l.birth_year = r.birth_year AND l.birth_month = r.birth_day AND l.birth_day = r.birth_month THEN 1
     -- Off by one: one keying slip in the digits, a day either side, or the year out by one.
     WHEN damerau_levenshtein(l.date_of_birth_text, r.date_of_birth_text) = 1
          OR abs(date_diff('day', l.date_of_birth, r.date_of_birth)) = 1
          OR (l.birth_month = r.birth_month AND l.birth_day = r.birth_day AND abs(l.birth_year - r.birth_year) = 1) THEN 2
     WHEN l.birth_year = r.birth_year THEN 3
     ELSE 4 END AS date_of_birth_level,
CASE WHEN l.postcode IS NULL OR r.postcode IS NULL THEN -1
     WHEN l.postcode = r.postcode THEN 0
     WHEN l.postcode_sector = r.postcode_sector THEN 1
     WHEN l.postcode_district = r.postcode_district THEN 2
     ELSE 3 END AS postcode_level,
CASE WHEN l.sex IS NULL OR r.sex IS NULL THEN -1
     WHEN l.sex = r.sex THEN 0
     ELSE 1 END AS sex_level
