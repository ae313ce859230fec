"""Ranking metrics used to judge the matcher: MAP@k, MRR and precision at 1."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scores:
    map_at_5: float
    mrr: float
    precision_at_1: float
    queries: int

    def __str__(self) -> str:
        return (
            f"MAP@5 {self.map_at_5:.4f}  MRR {self.mrr:.4f}  P@1 {self.precision_at_1:.4f}"
            f"  ({self.queries} queries)"
        )


def average_precision(ranked: Sequence[int], relevant: set[int], k: int = 5) -> float:
    hits = 0
    total = 0.0
    for rank, key in enumerate(ranked[:k], start=1):
        if key in relevant:
            hits += 1
            total += hits / rank
    return total / min(len(relevant), k) if relevant else 0.0


def reciprocal_rank(ranked: Sequence[int], relevant: set[int]) -> float:
    for rank, key in enumerate(ranked, start=1):
        if key in relevant:
            return 1.0 / rank
    return 0.0


def evaluate(
    rank: Callable[[str], Sequence[int]],
    queries: Sequence[tuple[str, str]],
    relevant: Mapping[str, set[int]],
) -> Scores:
    """Score a ranking function (query text to keys, best first) over judged queries."""
    judged = [(query_id, text) for query_id, text in queries if relevant.get(query_id)]
    ap = rr = p1 = 0.0
    for query_id, text in judged:
        ranked = list(rank(text))
        gold = relevant[query_id]
        ap += average_precision(ranked, gold)
        rr += reciprocal_rank(ranked, gold)
        p1 += 1.0 if ranked and ranked[0] in gold else 0.0
    count = max(len(judged), 1)
    return Scores(ap / count, rr / count, p1 / count, len(judged))
