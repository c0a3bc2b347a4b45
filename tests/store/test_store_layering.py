"""The storage layer stands alone: importing it loads neither the pipeline nor any stage."""

from __future__ import annotations

import subprocess
import sys


def test_the_store_never_imports_the_pipeline():
    code = (
        "import sys, kabar.store, kabar.store.rows, kabar.store.merge; "
        "print(sorted(m for m in sys.modules if m.startswith('kabar.') and "
        "m.split('.')[1] in {'pipeline', 'ingest', 'entities', 'events', 'quotes', 'segment', 'lang'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
