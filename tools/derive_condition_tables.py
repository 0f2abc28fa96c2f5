#!/usr/bin/env python3
"""Derive the ICD-10-CM data tables shipped by the ccm-core chronic-condition classifier.

Usage (from the repository root):

    python3 tools/derive_condition_tables.py [DATA_DIR] [--check] [--report]

DATA_DIR defaults to ``../shared/data`` relative to the repository root (the parent of
``tools/``). Standard library only. Output is deterministic: sorted rows, ``\\n`` line
endings, UTF-8, no timestamps, so re-running on the same input gives byte-identical files.

Writes (under ccm-core/src/main/resources/org/ccmkit/core/condition/):

1. ``ahrq-cci-icd10cm-v2019.1.csv`` -- from ``hcup-cci-icd10cm-2019.1/cci_icd10cm_2019_1.csv``
   (AHRQ HCUP Chronic Condition Indicator for ICD-10-CM, v2019.1). Codes and the chronic
   flag ONLY: the AHRQ description text and the body-system column are dropped.
   Format: ``#`` comment lines, header ``code,chronic``, rows ``<CODE>,<0|1>`` where CODE is the
   ICD-10-CM code without dot, upper case; sorted by code.

2. ``ccw-icd10cm-groups.csv`` -- from ``cms-ccw-chronic-conditions/CC_Package_30v0/csv_input/CC_Codes.csv``
   (CMS Chronic Conditions Warehouse condition categories, Feb 2022, packaged by the USC Schaeffer
   Center). ICD10DX rows only. Format: ``#`` comment lines, header ``code,group``, rows
   ``<CODE>,<CCW condition id>``; sorted by code; every code appears once.

   Rules applied (also documented in docs/rules/chronic-conditions.md):

   * Categories that are not chronic diseases in the CCM sense, or are redundant:
       - HIPFRAC  hip/pelvic fracture: an acute injury (AHRQ flags every one of its codes 0). EXCLUDED:
                  its codes get no CCW group.
       - AMI      acute myocardial infarction: an acute event, not a category of its own for CCM.
                  FOLDED into ISCHMCHT (CCW itself lists 16 of its 17 codes under ISCHMCHT; the 17th,
                  I21.9, is added to ISCHMCHT so that an MI code and a coronary-disease code count once).
       - ALZH     Alzheimer's disease: every ALZH code is also in ALZHDMT (Alzheimer's and related
                  dementia), the broader group a clinician calls one disease. FOLDED into ALZHDMT.
     CATARACT is KEPT: CCW lists it as a chronic condition and AHRQ flags its codes chronic; whether it
     puts the patient at significant risk is the practitioner's attestation, not a code-set question.
   * A code listed under several kept conditions gets ONE group, chosen by GROUP_PRECEDENCE below
     (first listed wins). The overlaps in the Feb 2022 list are ICD-10-CM *combination* codes, and the
     winner is the condition whose ICD-10-CM category the code belongs to (its etiology):
       - E08-E13 .2x/.65 diabetes with kidney complication/hyperglycaemia  -> DIABETES (not CHRNKDN)
       - I11.0, I12.x, I13.x hypertensive heart/kidney disease            -> HYPERT (not CHF/CHRNKDN)
       - D59.3 haemolytic-uraemic syndrome                                  -> ANEMIA (not CHRNKDN)
       - G30.x Alzheimer's disease                                          -> ALZHDMT (ALZH excluded)
     ICD-10-CM's "use additional code" notes require the manifestation (N18.x CKD stage, I50.x heart
     failure) to be coded separately, and that code carries its own group, so e.g. E11.22 + N18.3
     still counts as two diseases (DIABETES, CHRNKDN), while E11.22 + E11.40 counts once.
   * Claim-position restrictions (DX1 / "DX1 DX2") and claim-count/look-back rules of the CCW
     algorithms are ignored: the table only says which disease a code belongs to.
   * The group never makes a code chronic: chronicity comes from the AHRQ flag (or a user-supplied
     newer CCIR file). Codes of kept categories that AHRQ flags 0 are listed anyway (harmless).

``--check``  : do not write; exit 1 if the files on disk differ from what would be written.
Every run also checks the FORMAT of the hand-curated snomed-chronic-concepts.csv (never writes it).
``--report`` : print diagnostics (overlaps, AHRQ flag vs CCW membership, codes missing from v2019.1).
"""

import argparse
import collections
import csv
import io
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO_ROOT, "ccm-core", "src", "main", "resources", "org", "ccmkit", "core", "condition")
CCI_OUT = "ahrq-cci-icd10cm-v2019.1.csv"
CCW_OUT = "ccw-icd10cm-groups.csv"

CCI_IN = os.path.join("hcup-cci-icd10cm-2019.1", "cci_icd10cm_2019_1.csv")
CCW_DIR = os.path.join("cms-ccw-chronic-conditions", "CC_Package_30v0", "csv_input")
CCW_CODES_IN = os.path.join(CCW_DIR, "CC_Codes.csv")
CCW_DESC_IN = os.path.join(CCW_DIR, "CC_Desc.csv")

# CCW categories left out of the groups table (see module docstring).
EXCLUDED_CONDITIONS = {
    "HIPFRAC": "acute injury; AHRQ flags all its codes 0",
}
# CCW categories whose codes are given to a broader kept category (see module docstring).
FOLDED_CONDITIONS = {
    "AMI": "ISCHMCHT",   # acute event of ischaemic heart disease
    "ALZH": "ALZHDMT",   # subset of Alzheimer's and related dementia
}

# Tie-break for codes listed under several kept conditions: first in this list wins.
# Conditions not listed here never overlap in the Feb 2022 list; if a new input adds an overlap that
# this list does not decide, the script stops instead of guessing.
GROUP_PRECEDENCE = ["ALZHDMT", "DIABETES", "HYPERT", "ANEMIA", "ISCHMCHT", "CHF", "CHRNKDN"]

ICD10_CODE = re.compile(r"^[A-Z][0-9][0-9A-Z]{1,5}$")


def norm_icd10(code):
    """ICD-10-CM code as shipped: no dot, no quotes/whitespace, upper case."""
    c = code.strip().strip("'").strip().replace(".", "").upper()
    if not ICD10_CODE.match(c):
        raise ValueError("not an ICD-10-CM code: %r" % code)
    return c


def read_cci(data_dir):
    """AHRQ CCI v2019.1: header, then 'CODE',"description",'flag','body system'."""
    path = os.path.join(data_dir, CCI_IN)
    flags = {}
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, quotechar='"')
        header = next(rows)
        if [h.strip("'") for h in header][:3] != ["ICD-10-CM CODE", "ICD-10-CM CODE DESCRIPTION", "CHRONIC INDICATOR"]:
            raise SystemExit("unexpected CCI header: %r" % header)
        for r in rows:
            if not r:
                continue
            if len(r) != 4:
                raise SystemExit("bad CCI row: %r" % r)
            code = norm_icd10(r[0])
            flag = r[2].strip().strip("'")
            if flag not in ("0", "1"):
                raise SystemExit("CCI v2019.1 flag must be 0/1, got %r for %s" % (flag, code))
            if code in flags:
                raise SystemExit("duplicate CCI code %s" % code)
            flags[code] = flag
    return flags


def read_ccw(data_dir):
    """Returns ({condition id: long name}, {code: set(condition ids)}) for ICD10DX rows."""
    names = {}
    with open(os.path.join(data_dir, CCW_DESC_IN), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            names[r["Condition"].strip()] = r["Condition_long"].strip()
    members = collections.defaultdict(set)
    with open(os.path.join(data_dir, CCW_CODES_IN), encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        if header[:4] != ["Condition", "CodeType", "DxCodeLocation", "DxCode"]:
            raise SystemExit("unexpected CC_Codes header: %r" % header[:4])
        for r in rows:
            if not r or r[1].strip() != "ICD10DX":
                continue
            cond = r[0].strip()
            if cond not in names:
                raise SystemExit("condition %s not in CC_Desc.csv" % cond)
            members[norm_icd10(r[3])].add(cond)
            # One upstream row (HYPERP N40.0) carries stray extra cells repeating codes that have their
            # own rows; they are checked, not used.
            for extra in r[4:]:
                if extra.strip():
                    members[norm_icd10(extra)]  # validates the code; membership comes from own rows
    return names, members


def assign_groups(members):
    groups = {}
    for code, conds in members.items():
        kept = sorted({FOLDED_CONDITIONS.get(c, c) for c in conds if c not in EXCLUDED_CONDITIONS})
        if not kept:
            continue
        if len(kept) > 1:
            undecided = [c for c in kept if c not in GROUP_PRECEDENCE]
            if undecided:
                raise SystemExit("overlap not decided by GROUP_PRECEDENCE: %s %s" % (code, kept))
            groups[code] = next(c for c in GROUP_PRECEDENCE if c in kept)
        else:
            groups[code] = kept[0]
    return groups


def render(comments, header, rows):
    out = io.StringIO()
    for c in comments:
        out.write("# " + c + "\n" if c else "#\n")
    out.write(header + "\n")
    for r in rows:
        out.write(",".join(r) + "\n")
    return out.getvalue()


def build(data_dir):
    flags = read_cci(data_dir)
    names, members = read_ccw(data_dir)
    groups = assign_groups(members)

    n_chronic = sum(1 for v in flags.values() if v == "1")
    cci_text = render(
        [
            "AHRQ HCUP Chronic Condition Indicator (CCI) for ICD-10-CM, version 2019.1",
            "Source: https://www.hcup-us.ahrq.gov/toolssoftware/chronic_icd10/chronic_icd10.jsp",
            "Input: cci_icd10cm_2019_1.csv as distributed by AHRQ (copy in hantswilliams/ICD-Chronic-Disease-Indicator @ 1b7d665f)",
            "Derived by tools/derive_condition_tables.py: codes and chronic flags only; AHRQ description text and body system dropped",
            "code = ICD-10-CM code without dot, upper case; chronic = 1 chronic, 0 not chronic (AHRQ's flag, unchanged)",
            "Codes absent from this file are unknown (not counted). Newer AHRQ CCIR files (0/1/9) can replace it: see docs/rules/chronic-conditions.md",
            "HCUP terms of use for redistribution are unconfirmed; see NOTICE",
            "rows: %d; chronic=1: %d" % (len(flags), n_chronic),
        ],
        "code,chronic",
        [(c, flags[c]) for c in sorted(flags)],
    )

    kept = sorted(c for c in names if c not in EXCLUDED_CONDITIONS and c not in FOLDED_CONDITIONS)
    ccw_text = render(
        [
            "CMS Chronic Conditions Warehouse (CCW) condition categories, Feb 2022 code lists (27 conditions), ICD-10-CM codes only",
            "Source: CMS CCW https://www2.ccwdata.org/web/guest/condition-categories via USCSchaefferCenterDataCore/Chronic-Conditions-Package",
            "  @ 90e6346d, folder CC_Package_30v0/csv_input (CC_Codes.csv ICD10DX rows; CC_Desc.csv lists 27 conditions, not 30)",
            "Please cite: Ferido P, Gascue L, St. Clair P. How Sick Is My Cohort Of Patients? A General Approach To Identify",
            "  Chronic Conditions. SAS Global Forum 2021, paper 1063-2021",
            "Derived by tools/derive_condition_tables.py. code = ICD-10-CM code without dot, upper case; group = CCW condition id",
            "Groups only say which disease a code belongs to (several codes of one disease count once); chronicity comes from the AHRQ flag",
            "Excluded category: " + "; ".join("%s (%s)" % (k, EXCLUDED_CONDITIONS[k]) for k in sorted(EXCLUDED_CONDITIONS))
            + ". Folded: " + ", ".join("%s into %s" % (k, FOLDED_CONDITIONS[k]) for k in sorted(FOLDED_CONDITIONS)),
            "Codes in several categories: first of " + " > ".join(GROUP_PRECEDENCE) + " wins (etiology of the combination code)",
            "Codes not listed here: group = ICD10CM:<first 3 characters> (assigned by the classifier, not in this file)",
            "Groups: " + " ".join(kept),
            "rows: %d" % len(groups),
        ],
        "code,group",
        [(c, groups[c]) for c in sorted(groups)],
    )
    return {CCI_OUT: cci_text, CCW_OUT: ccw_text}, (flags, names, members, groups)


def report(flags, names, members, groups):
    print("CC_Desc.csv conditions: %d -> %s" % (len(names), " ".join(sorted(names))))
    print("ICD10DX distinct codes: %d; shipped with a group: %d" % (len(members), len(groups)))
    by_group = collections.Counter(groups.values())
    print("rows per group: " + ", ".join("%s %d" % kv for kv in sorted(by_group.items())))
    print("\nmulti-category codes and the group chosen:")
    for code in sorted(members):
        if len(members[code]) > 1:
            print("  %-8s %-28s -> %s" % (code, ",".join(sorted(members[code])), groups.get(code, "(none)")))
    print("\nCCW codes of kept categories that AHRQ v2019.1 flags 0 (listed, but not chronic):")
    zero = collections.defaultdict(list)
    missing = collections.defaultdict(list)
    for code, g in sorted(groups.items()):
        if code not in flags:
            missing[g].append(code)
        elif flags[code] == "0":
            zero[g].append(code)
    for g in sorted(zero):
        print("  %s (%d): %s" % (g, len(zero[g]), " ".join(zero[g])))
    print("\nCCW codes missing from AHRQ v2019.1 (newer ICD-10-CM codes -> unknown until a newer CCIR file is used):")
    for g in sorted(missing):
        print("  %s (%d): %s" % (g, len(missing[g]), " ".join(missing[g])))
    z68 = sorted(c for c in flags if c.startswith("Z68") and flags[c] == "1")
    print("\nAHRQ v2019.1 flags these BMI codes chronic=1 (ccmkit policy: BMI is not a disease): " + " ".join(z68))


SNOMED_LIST = "snomed-chronic-concepts.csv"


def validate_snomed_list():
    """Format check of the hand-curated SNOMED list (this script never writes it). Returns error strings."""
    errors, seen = [], set()
    path = os.path.join(OUT_DIR, SNOMED_LIST)
    with open(path, "rb") as f:
        raw = f.read()
    if b"\r" in raw:
        errors.append("CR characters (line endings must be \\n)")
    lines = [line for line in raw.decode("utf-8").split("\n") if line and not line.startswith("#")]
    if not lines or lines[0] != "conceptId,group,chronic,label":
        errors.append("header must be conceptId,group,chronic,label")
    for n, line in enumerate(lines[1:], 2):
        cells = line.split(",")
        if len(cells) != 4 or '"' in line or "'" in line:
            errors.append("row %d: need 4 fields, no quotes: %r" % (n, line))
            continue
        cid, group, chronic, label = cells
        if not re.match(r"^[1-9][0-9]{5,17}$", cid):
            errors.append("row %d: bad conceptId %r" % (n, cid))
        if cid in seen:
            errors.append("row %d: duplicate conceptId %s" % (n, cid))
        seen.add(cid)
        if not re.match(r"^[A-Z][A-Z_]*$", group):
            errors.append("row %d: bad group %r" % (n, group))
        if chronic not in ("0", "1"):
            errors.append("row %d: chronic must be 0/1" % n)
        if not label.strip():
            errors.append("row %d: empty label" % n)
    return errors


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir", nargs="?", default=os.path.join(REPO_ROOT, "..", "shared", "data"))
    ap.add_argument("--check", action="store_true", help="verify files on disk are up to date; write nothing")
    ap.add_argument("--report", action="store_true", help="print diagnostics")
    args = ap.parse_args(argv)

    outputs, parts = build(os.path.normpath(args.data_dir))
    if args.report:
        report(*parts)
    stale = []
    for name, text in sorted(outputs.items()):
        path = os.path.join(OUT_DIR, name)
        data = text.encode("utf-8")
        if args.check:
            try:
                with open(path, "rb") as f:
                    if f.read() != data:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
            continue
        os.makedirs(OUT_DIR, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        rows = text.count("\n") - sum(1 for line in text.split("\n") if line.startswith("#")) - 1
        print("wrote %s (%d rows)" % (os.path.relpath(path, REPO_ROOT), rows))
    problems = validate_snomed_list()
    for p in problems:
        print("%s: %s" % (SNOMED_LIST, p), file=sys.stderr)
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
    return 1 if stale or problems else 0


if __name__ == "__main__":
    sys.exit(main())
