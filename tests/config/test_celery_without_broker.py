"""A newsroom trying the tracker with nothing but Python: tasks run in-process, quietly."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ENQUEUE_ONE_TASK = """
import django
django.setup()
from config.celery import app
with app.producer_or_acquire() as producer:
    print(app.conf.task_always_eager, producer.connection.transport_cls)
"""


def test_without_a_broker_tasks_run_in_process_and_no_broker_is_looked_for():
    env = {key: value for key, value in os.environ.items() if key != "CELERY_BROKER_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    done = subprocess.run(
        [sys.executable, "-c", ENQUEUE_ONE_TASK],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "memory"]
    assert "No hostname was supplied" not in done.stderr
