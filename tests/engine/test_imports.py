"""The engine is numpy only: importing it pulls in no web framework."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_engine_does_not_import_fastapi_or_pydantic():
    code = (
        "import sys, app.engine, app.engine.presets, app.engine.trace, app.engine.graph, app.engine.gradcheck, "
        "app.engine.training, app.engine.datasets; "
        "print(sorted(m for m in ('fastapi', 'pydantic', 'starlette') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


def test_the_import_check_sees_a_web_framework_when_one_is_imported():
    code = "import sys, app.engine, fastapi; print('fastapi' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "True"
