"""What a user without ogi would run in Python: jsonschema (Debian's python3-jsonschema) with
ogi's own JSON Schema, plus the section 三 and 四 sums written by hand.
usage: python3 validate.py SCHEMA.json LIST   -- prints the invalid files, one a line."""
import json
import sys

import jsonschema

APPLICANTS = ["natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_organization", "legal_service_institution", "other_organization"]
NOT_OUTCOMES = {"new_received", "carried_over", "total", "carried_forward"}
RESULTS = ["upheld", "corrected", "other", "pending"]


def total(cells):
    # A relation with a blank (null) cell is not checked (ogi notes it as OGI-C-BLANK, info).
    return None if any(v is None for v in cells) else sum(cells)


def holds(a, b):
    return a is None or b is None or a == b


def rules_hold(d):
    apps = d["applications"]
    for row in apps.values():  # OGI-T3-ROW-TOTAL
        if not holds(row["total"], total([row[c] for c in APPLICANTS])):
            return False
    outcome_rows = [r for r in apps if r not in NOT_OUTCOMES]
    for c in APPLICANTS + ["total"]:
        if not holds(apps["total"][c], total([apps[r][c] for r in outcome_rows])):  # OGI-T3-SUM
            return False
        if not holds(total([apps["new_received"][c], apps["carried_over"][c]]),
                     total([apps["total"][c], apps["carried_forward"][c]])):  # OGI-T3-BALANCE
            return False
    for g in d["reviews"].values():  # OGI-T4-TOTAL
        if not holds(g["total"], total([g[r] for r in RESULTS])):
            return False
    return True


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema)
    invalid = []
    with open(sys.argv[2], encoding="utf-8") as f:
        files = [line.rstrip("\n") for line in f if line.strip()]
    for name in files:
        try:
            with open(name, encoding="utf-8") as f:
                doc = json.load(f)
        except ValueError:
            invalid.append(name)
            continue
        if not validator.is_valid(doc) or not rules_hold(doc):
            invalid.append(name)
    sys.stdout.write("".join(n + "\n" for n in invalid))


if __name__ == "__main__":
    main()
