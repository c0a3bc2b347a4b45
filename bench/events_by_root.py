"""Event recall and false alarms per CAMEO root on a gold folder, as `kabar eval` counts them.

    python bench/events_by_root.py [GOLD_DIR]   (default ../shared/gold/real-dev)

Runs `kabar eval GOLD_DIR --json`; a required gold event counts for the root of its code, a miss
against that root, a false alarm for the root of the predicted code. Prints a Markdown table.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    gold_dir = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "gold" / "real-dev")
    if not gold_dir.exists():
        print(f"SKIP: no gold folder at {gold_dir}")
        return 0
    out = subprocess.run(
        [sys.executable, "-m", "kabar", "eval", str(gold_dir), "--json"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    report = json.loads(out.stdout)
    required: Counter[str] = Counter()
    for path in sorted(gold_dir.glob("*.gold.json")):
        for event in json.loads(path.read_text(encoding="utf-8")).get("events") or []:
            if not (event.get("optional") or event.get("required") is False):  # as kabar.evaluate.gold
                required[str(event["code"])[:2]] += 1
    missed: Counter[str] = Counter()
    false_alarms: Counter[str] = Counter()
    for problem in report["problems"]:
        if problem["section"] != "events":
            continue
        if problem["kind"] == "miss":
            missed[str(problem["gold"]["code"])[:2]] += 1
        elif problem["kind"] == "false_alarm":
            false_alarms[str(problem["predicted"]["code"])[:2]] += 1
    print("| root | required | found | recall | false alarms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for root in sorted(set(required) | set(false_alarms)):
        n, found = required[root], required[root] - missed[root]
        recall = f"{found / n:.2f}" if n else "-"
        print(f"| {root} | {n} | {found} | {recall} | {false_alarms[root]} |")
    ev = report["events"]
    found_all = f"{ev['tp']}/{ev['tp'] + ev['fn']}"
    print(f"\nall: P {ev['precision']:.3f} R {ev['recall']:.3f} ({found_all}), {ev['fp']} false alarms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
