#!/usr/bin/python3
"""The pandas side of the report-series benchmark (bench/run.sh --series): the same load, checks and
aggregations as org.threatreport.bench.SeriesBenchmark, on a table of many years.

Usage: pandas_series.py DATA.csv YEAR MODE
  MODE "cold": one load and one round of aggregations in this fresh process
  MODE "warm:N": two unmeasured loads, N measured; 20 unmeasured rounds of aggregations, N measured

Prints  INFO ...,  LOAD ms=... cpu_ms=... peak_rss_mb=...  and  AGG all_ms=... year_ms=... yoy_ms=...
measures_ms=... checksum=...  (wall-clock milliseconds, time.perf_counter). The codebook is that of
report-maven-plugin/src/it/report-series/data/incidents.schema.yaml, written out here.
"""
import gc
import math
import resource
import sys
import time

import numpy as np
import pandas as pd

INDUSTRY = ["Finance", "Healthcare", "Public sector", "Retail", "Manufacturing", "Education", "Hospitality", "Other"]
ACTOR = ["External", "Internal", "Partner", "Unknown"]
ACTION = ["Hacking", "Malware", "Social", "Error", "Misuse", "Physical"]
DATE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load(csv_path):
    """read_csv with category dtypes, then the checks our reader makes; the year of each row as a column."""
    df = pd.read_csv(csv_path, dtype={"id": object, "date": object, "industry": "category", "actor": "category",
                                      "action": "category", "summary": object},
                     keep_default_na=False, na_values={"records": [""], "dwell_days": [""]}, encoding="utf-8",
                     engine="c")
    problems = 0
    for name in ("id", "date", "industry", "actor", "action"):
        problems += int((df[name] == "").sum()) if df[name].dtype == object else int(df[name].isna().sum())
    problems += sum(1 for v in df["industry"].cat.categories if v not in INDUSTRY)
    problems += sum(1 for v in df["actor"].cat.categories if v not in ACTOR)
    problems += sum(1 for combo in df["action"].cat.categories for part in combo.split(";") if part not in ACTION)
    df["industry"] = df["industry"].cat.set_categories(INDUSTRY)
    df["actor"] = df["actor"].cat.set_categories(ACTOR)
    problems += int((~df["date"].str.fullmatch(DATE)).sum())
    if not df["id"].is_unique:
        problems += 1
    df["year"] = df["date"].str.slice(0, 4).astype(np.int32)
    return df, problems


def per_value_and_year(df, column, first, last):
    """Counts per value and year; a multi-category cell counts in each of its values."""
    years = range(first, last + 1)
    counts = df.groupby([column, "year"], observed=True).size()
    if column != "action":
        return counts.unstack(fill_value=0).reindex(columns=years, fill_value=0)
    table = pd.DataFrame(0, index=ACTION, columns=list(years))
    for (combo, year), n in counts.items():
        for part in combo.split(";"):
            table.at[part, year] += n
    return table


def aggregations(df, year):
    out = {}
    checksum = 0
    t0 = time.perf_counter()
    rows = df[df["year"] == year]
    checksum += len(rows)
    checksum += int(rows["industry"].value_counts(sort=True).sum())
    t1 = time.perf_counter()
    first = int(df["year"].min())
    for column in ("industry", "actor", "action"):
        checksum += int(per_value_and_year(df, column, first, year).to_numpy().sum())
    t2 = time.perf_counter()
    groups = rows.groupby("industry", observed=False)
    for column in ("records", "dwell_days"):
        for q in (0.5, 0.9):
            values = groups[column].quantile(q)
            checksum += sum(int(math.floor(v * 10 + 0.5 + 1e-6)) for v in values if not np.isnan(v))
    t3 = time.perf_counter()
    out["all_ms"] = (t3 - t0) * 1000
    out["year_ms"] = (t1 - t0) * 1000
    out["yoy_ms"] = (t2 - t1) * 1000
    out["measures_ms"] = (t3 - t2) * 1000
    return out, checksum


def main():
    csv_path, year, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    print("INFO pandas=%s numpy=%s python=%s" % (pd.__version__, np.__version__, sys.version.split()[0]), flush=True)
    warm = mode != "cold"
    rounds = int(mode.split(":")[1]) if warm else 1
    df = None
    for i in range(-2 if warm else 0, rounds):
        del df
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        df, problems = load(csv_path)
        t1 = time.perf_counter()
        if problems:
            raise SystemExit("%d problems in %s" % (problems, csv_path))
        if i >= 0:
            print("LOAD rows=%d ms=%.2f cpu_ms=%.1f peak_rss_mb=%.1f"
                  % (len(df), (t1 - t0) * 1000, (time.process_time() - c0) * 1000, peak_rss_mb()), flush=True)
    for i in range(-20 if warm else 0, rounds):
        times, checksum = aggregations(df, year)
        if i >= 0:
            print("AGG all_ms=%.2f year_ms=%.2f yoy_ms=%.2f measures_ms=%.2f checksum=%d"
                  % (times["all_ms"], times["year_ms"], times["yoy_ms"], times["measures_ms"], checksum), flush=True)


if __name__ == "__main__":
    main()
