"""Readers for the public claim-matching benchmarks kept in the shared data directory.

Tweets that repeat a claim (queries) paired with the published fact-check they repeat
(verified claims). Only evaluation, training and benchmarks read these; the matcher itself
never touches the disk.
"""

from dataclasses import dataclass
from pathlib import Path

from claims.detection.shared_data import read_tsv, shared_dir


def claim_matching_dir() -> Path:
    return shared_dir() / "data" / "claim-matching"


@dataclass(frozen=True, slots=True)
class VerifiedClaim:
    key: int
    source_id: str
    text: str
    title: str


@dataclass(frozen=True, slots=True)
class Benchmark:
    """One collection: its verified claims and, per split, queries with their relevant claims."""

    name: str
    claims: list[VerifiedClaim]
    queries: dict[str, list[tuple[str, str]]]
    relevant: dict[str, dict[str, set[int]]]

    def documents(self) -> list[tuple[int, str, str]]:
        return [(claim.key, claim.text, claim.title) for claim in self.claims]


def available(name: str = "ct2022_2a_en") -> bool:
    return (claim_matching_dir() / name / "vclaims.tsv").is_file()


def load(name: str = "ct2022_2a_en") -> Benchmark:
    """Read one collection (``ct2022_2a_en`` or ``ct2020_task2_en``); keys number the claims."""
    folder = claim_matching_dir() / name
    claims = [
        VerifiedClaim(key, row["vclaim_id"], row["vclaim"] or "", row.get("title") or "")
        for key, row in enumerate(read_tsv(folder / "vclaims.tsv"))
    ]
    key_of = {claim.source_id: claim.key for claim in claims}
    queries: dict[str, list[tuple[str, str]]] = {}
    relevant: dict[str, dict[str, set[int]]] = {}
    for path in sorted(folder.glob("queries_*.tsv")):
        split = path.stem.removeprefix("queries_")
        queries[split] = [(row["query_id"], row["text"] or "") for row in read_tsv(path)]
        judged: dict[str, set[int]] = {}
        for row in read_tsv(folder / f"qrels_{split}.tsv"):
            judged.setdefault(row["query_id"], set()).add(key_of[row["vclaim_id"]])
        relevant[split] = judged
    return Benchmark(name, claims, queries, relevant)


def liar_statements() -> list[str]:
    """PolitiFact statements from the LIAR data set, used as realistic extra claims."""
    statements: list[str] = []
    for split in ("train", "valid", "test"):
        path = shared_dir() / "data" / "liar" / f"{split}.tsv"
        if path.is_file():
            statements.extend(row["statement"] for row in read_tsv(path) if row["statement"])
    return statements
