#!/usr/bin/env python3
"""Chronic-condition profile of the shared FHIR test data, using ccmkit's shipped condition tables.

Usage (from the repository root):

    python3 tools/synthea_chronic_profile.py [DATA_DIR] [--snomed-scan]

DATA_DIR defaults to ``../shared/data`` relative to the repository root. Standard library only.
Reads the three tables in ccm-core/src/main/resources/org/ccmkit/core/condition/ and applies the
same rules the Java classifier is meant to apply:

* A Condition is ACTIVE when clinicalStatus is active/recurrence/relapse, verificationStatus is not
  refuted/entered-in-error, and it has no abatement[x].
* A coding is CHRONIC when
    - SNOMED CT (http://snomed.info/sct): the concept is in snomed-chronic-concepts.csv with chronic=1
      (group from that file); concepts not listed are unknown = not counted;
    - ICD-10-CM (http://hl7.org/fhir/sid/icd-10-cm): AHRQ flag 1 in ahrq-cci-icd10cm-v2019.1.csv
      (0, 9 or absent = not counted); group = CCW group from ccw-icd10cm-groups.csv, else
      ``ICD10CM:<first 3 characters>``.
  A Condition with several chronic codings contributes one group: the SNOMED list's group if any,
  else the first chronic ICD-10-CM coding's group.
* A patient's chronic burden is the set of distinct groups of active chronic Conditions.

Also computes a point-in-time variant "as of" the latest date found in the data set: a Condition
counts when verificationStatus is acceptable, onset <= date (or no onset) and there is no abatement
on/before that date (clinicalStatus ignored); a patient is alive when not deceased on/before that date.

``--snomed-scan`` lists every distinct SNOMED CT Condition code in the Synthea R4 bundles, the Synthea
bulk NDJSON and the MCC care-plan bundles, with display, counts per source and its status in the
curated list (helper for curating snomed-chronic-concepts.csv; it never writes that file).
"""

import argparse
import collections
import csv
import glob
import json
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE_DIR = os.path.join(REPO_ROOT, "ccm-core", "src", "main", "resources", "org", "ccmkit", "core", "condition")
SNOMED = "http://snomed.info/sct"
ICD10CM = {"http://hl7.org/fhir/sid/icd-10-cm", "urn:oid:2.16.840.1.113883.6.90"}
ACTIVE = {"active", "recurrence", "relapse"}
BAD_VERIFICATION = {"refuted", "entered-in-error"}
BMI_FINDINGS = {"162864005", "408512008"}  # BMI 30+ / BMI 40+ findings (chronic=0 in the curated list)
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def read_table(name):
    with open(os.path.join(TABLE_DIR, name), encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines))


class Tables:
    def __init__(self):
        self.cci = {r["code"]: r["chronic"] for r in read_table("ahrq-cci-icd10cm-v2019.1.csv")}
        self.ccw = {r["code"]: r["group"] for r in read_table("ccw-icd10cm-groups.csv")}
        self.snomed = {r["conceptId"]: r for r in read_table("snomed-chronic-concepts.csv")}

    def classify(self, coding):
        """-> (system tag, 'chronic'|'not'|'unknown', group or None)"""
        system, code = coding.get("system"), (coding.get("code") or "").strip()
        if system == SNOMED:
            row = self.snomed.get(code)
            if row is None:
                return "sct", "unknown", None
            return "sct", ("chronic" if row["chronic"] == "1" else "not"), row["group"]
        if system in ICD10CM:
            c = code.replace(".", "").upper()
            flag = self.cci.get(c)
            if flag != "1":
                return "icd", ("not" if flag == "0" else "unknown"), None
            return "icd", "chronic", self.ccw.get(c, "ICD10CM:" + c[:3])
        return "other", "unknown", None

    def condition_group(self, cond):
        found = [self.classify(c) for c in cond.get("code", {}).get("coding", [])]
        for tag in ("sct", "icd"):
            for t, status, group in found:
                if t == tag and status == "chronic":
                    return group
        return None


def resources(path):
    if path.endswith(".ndjson"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)
        return
    with open(path, encoding="utf-8") as f:
        j = json.load(f)
    if j.get("resourceType") == "Bundle":
        for e in j.get("entry", []):
            if "resource" in e:
                yield e["resource"]
    else:
        yield j


def code_of(cc):
    for c in (cc or {}).get("coding", []):
        if c.get("code"):
            return c["code"]
    return None


def ref_id(ref):
    r = (ref or {}).get("reference", "")
    return r.split("/")[-1].replace("urn:uuid:", "")


def dates_in(r):
    """Clinical date fields, for finding the data set's latest date. Administrative dates are skipped
    (Synthea's ExplanationOfBenefit.billablePeriod.end runs a year past the last encounter)."""
    keys = ("onsetDateTime", "recordedDate", "abatementDateTime", "effectiveDateTime", "issued", "authoredOn",
            "occurrenceDateTime", "performedDateTime")
    for k in keys:
        v = r.get(k)
        if isinstance(v, str) and DATE.match(v):
            yield v[:10]
    for k in ("period", "performedPeriod", "effectivePeriod"):
        p = r.get(k) or {}
        for kk in ("start", "end"):
            v = p.get(kk)
            if isinstance(v, str) and DATE.match(v):
                yield v[:10]


def load(files):
    patients, conditions, latest = {}, collections.defaultdict(list), "0000"
    for f in files:
        for r in resources(f):
            rt = r.get("resourceType")
            for d in dates_in(r):
                if d > latest and d[:4] <= "2100":
                    latest = d
            if rt == "Patient":
                patients[r["id"]] = r
            elif rt == "Condition":
                conditions[ref_id(r.get("subject"))].append(r)
    return patients, conditions, latest


def deceased_on(p):
    if p.get("deceasedBoolean") is True:
        return "0000-00-00"
    v = p.get("deceasedDateTime")
    return v[:10] if v else None


def verification_ok(c):
    return code_of(c.get("verificationStatus")) not in BAD_VERIFICATION


def active_now(c):
    return (code_of(c.get("clinicalStatus")) in ACTIVE and verification_ok(c)
            and not any(k.startswith("abatement") for k in c))


def active_as_of(c, day):
    if not verification_ok(c):
        return False
    onset = c.get("onsetDateTime") or (c.get("onsetPeriod") or {}).get("start")
    if onset and onset[:10] > day:
        return False
    ab = c.get("abatementDateTime") or (c.get("abatementPeriod") or {}).get("end")
    if ab:
        return ab[:10] > day
    if any(k.startswith("abatement") for k in c):  # abatementBoolean/String/Age without a date
        return False
    return True


def profile(name, files, t, out):
    patients, conditions, latest = load(files)
    groups_now, groups_asof = {}, {}
    for pid in patients:
        conds = conditions.get(pid, [])
        groups_now[pid] = {g for g in (t.condition_group(c) for c in conds if active_now(c)) if g}
        groups_asof[pid] = {g for g in (t.condition_group(c) for c in conds if active_as_of(c, latest)) if g}

    def alive(pid, day=None):
        d = deceased_on(patients[pid])
        return d is None or (day is not None and d > day)

    def summary(gmap, day=None, drop=frozenset()):
        two = [p for p, g in gmap.items() if len(g - drop) >= 2]
        return len(two), sum(1 for p in two if alive(p, day)), sum(1 for p, g in gmap.items() if len(g - drop) >= 3)

    n_alive = sum(1 for p in patients if alive(p))
    out.append("## %s: %d patients (%d alive), latest date in data %s" % (name, len(patients), n_alive, latest))
    a, b, c = summary(groups_now)
    out.append("2+ active chronic groups: %d (alive %d); 3+: %d" % (a, b, c))
    a, b, c = summary(groups_asof, latest)
    out.append("as of %s (onset/abatement dates, alive on that date): 2+ %d (alive %d); 3+: %d" % (latest, a, b, c))
    strict = frozenset({"ANEMIA", "OBESITY", "METABOLIC_SYNDROME"})
    a, b, _ = summary(groups_now, drop=strict)
    out.append("stricter (ignoring ANEMIA, OBESITY, METABOLIC_SYNDROME): 2+ %d (alive %d)" % (a, b))
    # Reconstruction of the SOURCES.md profile, to explain the difference: it counted the BMI 30+/40+
    # findings as "obesity", kept hypertriglyceridemia apart from hyperlipidaemia, and had no
    # category for the groups in EXTRA.
    extra = frozenset({"CHRONIC_SINUSITIS", "ALLERGIC_RHINITIS", "ATOPIC_DERMATITIS", "MIGRAINE", "TBI", "PARALYSIS",
                       "SLEEP_APNEA", "HEART_VALVE", "PVD", "PTSD"})
    a, b, _ = summary(groups_now, drop=extra)
    out.append("without groups SOURCES.md had no category for (%s): 2+ %d (alive %d)" % (" ".join(sorted(extra)), a, b))
    legacy = {}
    for pid in patients:
        gs = set()
        for cond in conditions.get(pid, []):
            if not active_now(cond):
                continue
            codes = {x.get("code") for x in cond.get("code", {}).get("coding", [])}
            g = t.condition_group(cond)
            if codes & BMI_FINDINGS:
                g = "OBESITY"
            elif "302870006" in codes:
                g = "HYPERTRIGLYCERIDEMIA"
            if g and g not in extra:
                gs.add(g)
        legacy[pid] = gs
    a, b, _ = summary(legacy)
    a2, b2, _ = summary(legacy, drop=strict | {"HYPERTRIGLYCERIDEMIA"})
    out.append("SOURCES.md-style reconstruction (BMI findings = obesity, no EXTRA groups): 2+ %d (alive %d); "
               "its stricter line: %d (alive %d)" % (a, b, a2, b2))
    per = collections.Counter(g for gs in groups_now.values() for g in gs)
    per_alive = collections.Counter(g for p, gs in groups_now.items() if alive(p) for g in gs)
    out.append("patients per active group (all/alive): " + ", ".join(
        "%s %d/%d" % (g, n, per_alive[g]) for g, n in sorted(per.items(), key=lambda kv: (-kv[1], kv[0]))))
    diff = sorted(p for p in patients if groups_now[p] != groups_asof[p])
    out.append("patients whose status-based and date-based group sets differ: %d" % len(diff))
    out.append("")
    return groups_now


def snomed_scan(data_dir, t):
    sources = {
        "synthea-r4": sorted(glob.glob(os.path.join(data_dir, "synthea-r4-bundles", "bundles", "*.json"))),
        "bulk": [os.path.join(data_dir, "synthea-bulk-ndjson-10", "Condition.000.ndjson")],
        "mcc": sorted(glob.glob(os.path.join(data_dir, "mcc-careplan-bundles", "**", "*.json"), recursive=True)),
    }
    counts, active, display = collections.defaultdict(collections.Counter), collections.Counter(), {}
    for src, files in sources.items():
        for f in files:
            for r in resources(f):
                if r.get("resourceType") != "Condition":
                    continue
                for c in r.get("code", {}).get("coding", []):
                    if c.get("system") == SNOMED:
                        counts[c["code"]][src] += 1
                        display.setdefault(c["code"], c.get("display", ""))
                        if active_now(r):
                            active[c["code"]] += 1
    print("conceptId\tlist status\tgroup\tactive\tcounts\tdisplay in data")
    for code in sorted(counts, key=lambda k: (-sum(counts[k].values()), int(k))):
        _, status, group = t.classify({"system": SNOMED, "code": code})
        print("%s\t%s\t%s\t%d\t%s\t%s" % (code, status, group or "-", active[code],
                                         " ".join("%s=%d" % kv for kv in sorted(counts[code].items())), display[code]))
    missing = [c for c in counts if c not in t.snomed]
    print("distinct SNOMED codes: %d; not in curated list: %d %s" % (len(counts), len(missing), " ".join(sorted(missing))))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir", nargs="?", default=os.path.join(REPO_ROOT, "..", "shared", "data"))
    ap.add_argument("--snomed-scan", action="store_true")
    args = ap.parse_args(argv)
    data_dir = os.path.normpath(args.data_dir)
    t = Tables()
    if args.snomed_scan:
        snomed_scan(data_dir, t)
        return 0
    out = []
    profile("synthea-r4-bundles", sorted(glob.glob(os.path.join(data_dir, "synthea-r4-bundles", "bundles", "*.json"))), t, out)
    profile("synthea-bulk-ndjson-10", [os.path.join(data_dir, "synthea-bulk-ndjson-10", n)
                                       for n in ("Patient.000.ndjson", "Condition.000.ndjson")], t, out)
    profile("mcc-careplan-bundles", sorted(glob.glob(os.path.join(data_dir, "mcc-careplan-bundles", "**", "*.json"),
                                                     recursive=True)), t, out)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
