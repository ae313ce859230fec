"""Turn the CheckThat! 2022 (task 2A, English) verified claims into ClaimReview JSON Lines.

    python bench/ct2022_to_claimreview.py [VCLAIMS_TSV] -o OUTPUT.jsonl   ("-o -": stdout)

Without -o it only checks the conversion and prints a summary.

Each verified claim is a Snopes fact-check: its claim becomes `claimReviewed`, its headline
`headline`, its subtitle `description` and its date `datePublished`. The collection keeps
neither the fact-check's address nor its rating, so `url` is built from the claim's id (the
Snopes slug it was made from) and `reviewRating` is left out. The output is what
`manage.py import_claimreviews` reads.
"""

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PUBLISHERS = {"sno": ("Snopes", "https://www.snopes.com/", "https://www.snopes.com/fact-check/")}


def review_url(vclaim_id: str) -> str:
    """The fact-check's address, from an id such as ``vclaim-sno-100-target-coupon``."""
    _, source, slug = vclaim_id.split("-", 2)
    base = PUBLISHERS.get(source, (source, "", f"https://{source}.example/fact-check/"))[2]
    return f"{base}{slug}/"


def _iso_date(value: str) -> str | None:
    for pattern in ("%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), pattern).date().isoformat()  # noqa: DTZ007
        except ValueError:
            continue
    return None


def claimreview(row: dict[str, str]) -> dict[str, Any]:
    source = row["vclaim_id"].split("-", 2)[1]
    name, homepage, _ = PUBLISHERS.get(source, (source, "", ""))
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url(row["vclaim_id"]),
        "claimReviewed": row["vclaim"],
        "headline": row.get("title") or "",
        "author": {
            "@type": "Organization",
            "name": name,
            **({"url": homepage} if homepage else {}),
        },
        "itemReviewed": {"@type": "Claim"},
    }
    if row.get("subtitle"):
        review["description"] = row["subtitle"]
    published = _iso_date(row.get("date") or "")
    if published:
        review["datePublished"] = published
    return review


def collection_dir() -> Path:
    """The CheckThat! 2022 files: under $CLAIM_TRACKER_SHARED_DIR, else next to the repository."""
    shared = Path(os.environ.get("CLAIM_TRACKER_SHARED_DIR", REPO.parent / "shared"))
    return shared / "data" / "claim-matching" / "ct2022_2a_en"


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def convert(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(vclaim id, ClaimReview) for every verified claim of the file, in its order."""
    for row in read_tsv(path):
        yield row["vclaim_id"], claimreview(row)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = collection_dir() / "vclaims.tsv"
    parser.add_argument("vclaims", nargs="?", type=Path, default=default)
    parser.add_argument("-o", "--output", help="The JSON Lines file to write; - for stdout.")
    arguments = parser.parse_args()
    if not arguments.vclaims.is_file():
        print(f"skipped: {arguments.vclaims} not found (set CLAIM_TRACKER_SHARED_DIR)")
        return 0
    reviews = [review for _, review in convert(arguments.vclaims)]
    if arguments.output is None:
        urls = {review["url"] for review in reviews}
        print(f"{len(reviews)} ClaimReviews, {len(urls)} distinct urls; e.g.")
        print(json.dumps(reviews[0], ensure_ascii=False, indent=2))
        return 0
    lines = (json.dumps(review, ensure_ascii=False) + "\n" for review in reviews)
    if arguments.output == "-":
        sys.stdout.writelines(lines)
    else:
        with open(arguments.output, "w", encoding="utf-8") as handle:
            handle.writelines(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
