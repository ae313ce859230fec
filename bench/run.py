"""Run the benchmarks one after another: `python bench/run.py [NAME ...]`.

Each benchmark is also runnable alone (`python bench/NAME.py`) and prints its figures next to a
baseline measured in the same run. Those that need the public data sets or PostgreSQL say so and skip.
"""

import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
# Quick ones first, so a developer sees results early.
ORDER = [
    "detection_speed",
    "adapted_speed",
    "hostile_articles",
    "detection_quality",
    "matching",
    "matching_api",
    "api_claims",
    "load",
]


def main(names: list[str]) -> int:
    # Only the benchmarks; the other modules here are their data builders and helpers.
    available = {name for name in ORDER if (BENCH_DIR / f"{name}.py").is_file()}
    unknown = set(names) - available
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(sorted(unknown))}; have {', '.join(sorted(available))}"
        )
        return 2
    chosen = names or [name for name in ORDER if name in available]
    failed = []
    for name in chosen:
        print(f"\n=== {name} ===", flush=True)
        started = time.monotonic()
        result = subprocess.run([sys.executable, str(BENCH_DIR / f"{name}.py")], check=False)
        print(
            f"--- {name}: exit {result.returncode} in {time.monotonic() - started:.0f} s",
            flush=True,
        )
        if result.returncode:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
