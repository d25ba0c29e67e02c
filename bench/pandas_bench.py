#!/usr/bin/python3
"""The pandas side of bench/run.sh: the same load, checks and counts as the Java side.

Usage: pandas_bench.py SCHEMA.yaml DATA.csv MODE
  MODE "cold": one load and one round of counts in this fresh process
  MODE "warm:N": one unmeasured round, then N measured rounds

Prints one line per measured round:  RESULT key=value ...
Times are wall-clock milliseconds (time.perf_counter); peak_rss_mb is the process's high-water mark.
The schema file is parsed by hand (the machine may have no PyYAML): only the parts needed here.
"""
import gc
import re
import resource
import sys
import time

import numpy as np
import pandas as pd


def read_schema(path):
    """Column name -> (type, [values], {value: group}, separator, required), in schema order."""
    columns = {}
    current = None
    in_values = False
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
            if not line.strip():
                continue
            m = re.match(r"^  - name: (\S+)$", line)
            if m:
                current = {"type": None, "values": [], "groups": {}, "separator": None, "required": False}
                columns[m.group(1)] = current
                in_values = False
                continue
            if current is None:
                continue
            m = re.match(r"^    (\w+):\s*(.*)$", line)
            if m:
                key, value = m.group(1), m.group(2).strip()
                in_values = key == "values"
                if key == "type":
                    current["type"] = value
                elif key == "separator":
                    current["separator"] = value.strip("\"'")
                elif key == "required":
                    current["required"] = value == "true"
                continue
            m = re.match(r"^      - (.*)$", line)
            if m and in_values:
                item = m.group(1).strip()
                if item.startswith("{"):
                    fields = dict(re.findall(r"(\w+):\s*([^,}]+)", item))
                    value = fields["value"].strip()
                    current["values"].append(value)
                    if "group" in fields:
                        current["groups"][value] = fields["group"].strip()
                else:
                    current["values"].append(item)
    return columns


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load(schema, csv_path, year):
    """read_csv with category dtypes, then the checks our reader makes."""
    t0 = time.perf_counter()
    c0 = time.process_time()
    dtypes = {}
    for name, c in schema.items():
        if c["type"] in ("category", "multi-category"):
            dtypes[name] = "category"
        elif c["type"] == "text":
            dtypes[name] = object
    df = pd.read_csv(csv_path, dtype=dtypes, parse_dates=["date"], keep_default_na=False,
                     na_values=[""], encoding="utf-8", engine="c")
    t_read = time.perf_counter()
    problems = 0
    # Header: exactly the schema's columns.
    if list(df.columns) != list(schema):
        problems += 1
    for name, c in schema.items():
        col = df[name]
        if c["required"]:
            problems += int(col.isna().sum())
        if c["type"] == "category":
            allowed = set(c["values"])
            problems += sum(1 for v in col.cat.categories if v not in allowed)
            # Codes in schema order, as our reader keeps them.
            df[name] = col.cat.set_categories(c["values"])
        elif c["type"] == "multi-category":
            allowed = set(c["values"])
            for combo in col.cat.categories:
                for part in combo.split(c["separator"]):
                    if part.strip() not in allowed:
                        problems += 1
        elif c["type"] == "date":
            if not np.issubdtype(col.dtype, np.datetime64):
                problems += 1
            else:
                problems += int((col.dt.year != year).sum())
    if not df["id"].is_unique:
        problems += 1
    t_checked = time.perf_counter()
    cpu = (time.process_time() - c0) * 1000
    return df, problems, (t_read - t0) * 1000, (t_checked - t0) * 1000, cpu


def aggregations(df, schema, year):
    """The chapter-2 numbers: value counts, grouped counts, months, one cross table."""
    t0 = time.perf_counter()
    out = []
    for name in ("industry", "discovery", "intent", "phenomenon", "event_type"):
        out.append(df[name].value_counts(sort=True))
    groups = schema["scope"]["groups"]
    out.append(df["scope"].value_counts(sort=False).groupby(groups).sum().sort_values(ascending=False))
    dates = df["date"]
    in_year = dates[dates.dt.year == year]
    out.append(in_year.dt.month.value_counts().reindex(range(1, 13), fill_value=0))
    out.append(df.groupby(["area", "intent"], observed=False).size().unstack(fill_value=0))
    checksum = int(sum(int(np.asarray(o).sum()) for o in out))
    return checksum, (time.perf_counter() - t0) * 1000


def one_round(schema, csv_path, year):
    gc.collect()
    df, problems, read_ms, load_ms, cpu_ms = load(schema, csv_path, year)
    checksum, agg_ms = aggregations(df, schema, year)
    rows = len(df)
    del df
    gc.collect()
    return rows, problems, read_ms, load_ms, cpu_ms, checksum, agg_ms


def main():
    schema_path, csv_path, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    year = 2017
    schema = read_schema(schema_path)
    print("INFO pandas=%s numpy=%s python=%s" % (pd.__version__, np.__version__, sys.version.split()[0]), flush=True)
    if mode == "cold":
        rounds, warmups = 1, 0
    else:
        rounds, warmups = int(mode.split(":")[1]), 1
    for i in range(warmups + rounds):
        rows, problems, read_ms, load_ms, cpu_ms, checksum, agg_ms = one_round(schema, csv_path, year)
        if i >= warmups:
            print("RESULT rows=%d problems=%d read_ms=%.1f load_ms=%.1f load_cpu_ms=%.1f agg_ms=%.2f checksum=%d"
                  " peak_rss_mb=%.1f" % (rows, problems, read_ms, load_ms, cpu_ms, agg_ms, checksum, peak_rss_mb()),
                  flush=True)


if __name__ == "__main__":
    main()
