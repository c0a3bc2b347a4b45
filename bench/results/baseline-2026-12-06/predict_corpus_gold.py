"""Predictions for gold files that name their article by corpus_id, made with whatever kabar is
first on sys.path (PYTHONPATH=/tmp/kabar_base for the baseline). Each corpus line goes through
the JSON Lines reader, so id, url, published, title... reach extraction as `kabar ingest` passes them.

    python predict_corpus_gold.py GOLD_DIR CORPUS OUT_DIR
"""
import json
import sys
from pathlib import Path

from kabar.pipeline import get_pipeline
from kabar.readers import RawRecord, _read_jsonl  # noqa: PLC2701 - one-off baseline script

gold_dir, corpus, out = (Path(a) for a in sys.argv[1:4])
wanted = {}
for p in sorted(gold_dir.glob("*.gold.json")):
    d = json.loads(p.read_text(encoding="utf-8"))
    wanted[d["corpus_id"]] = d["id"]
pipe = get_pipeline("id")
out.mkdir(parents=True, exist_ok=True)
found = 0
with corpus.open(encoding="utf-8") as fh:
    for lineno, line in enumerate(fh, start=1):
        if not line.startswith('{"id": "') or json.loads(line).get("id") not in wanted:
            continue
        (record,) = list(_read_jsonl(str(corpus), iter([line])))
        assert isinstance(record, RawRecord), record
        record.source = f"{corpus}:{lineno}"
        art = pipe.extract_record(record)
        gold_id = wanted[str(record.metadata["id"])]
        text = json.dumps(art.to_dict(), ensure_ascii=False, indent=1)
        (out / f"{gold_id}.json").write_text(text, encoding="utf-8")
        found += 1
print(f"{found} of {len(wanted)} predicted", file=sys.stderr)
