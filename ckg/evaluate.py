"""`ckg eval`: build documents, read their claims back and score them against gold YAML.

The matching rules are those of the reference scorer (shared/tools/score_claims.py),
reimplemented here so an installed ckg does not depend on the shared folder:

- a predicted claim matches a gold claim when type, document file name, event (fuzzy
  against the event's labels, generic words such as "massacre" alone do not count),
  claimant (fuzzy against the aliases; `null` only matches `null`; not checked for a
  gold resolution without a `claimant` key) and stance agree, and then per type:
  casualty: same measure and the same min and max; perpetrator: actor fuzzy;
  classification: same label; resolution: body fuzzy and the date a prefix match;
- recall counts required (not `optional`) gold claims matched by any prediction;
- precision counts predictions (in documents that have gold) matching any gold claim
  of their document, optional ones included;
- a prediction matching a `forbidden:` record is a violation;
- a quote is grounded when `text[start:end] == quote`.
"""
from __future__ import annotations

import difflib
import json
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import yaml

from graph_build.errors import InputError

from .cli_common import handle_errors

# Words that alone do not identify an event ("the massacre" matches every massacre).
GENERIC = frozenset({
    "massacre", "massacres", "pogrom", "pogroms", "tragedy", "genocide", "events",
    "event", "the", "of", "in", "a", "an", "and", "i", "av", "og", "killings",
    "massakrene", "massakren", "massakre",
})

Claim = Mapping[str, Any]

# Languages of documents as the store records them (used when the gold has no map).
_DOC_LANGUAGES = """
PREFIX ckg: <https://w3id.org/ckg/ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?name ?lang WHERE { ?doc ckg:fileName ?name ; dcterms:language ?lang }
"""


# ---------------------------------------------------------------- matching rules

def norm_tokens(text: object) -> list[str]:
    """Lower-cased word tokens without diacritics (Xocalı -> xocali, Račak -> racak)."""
    if text is None:
        return []
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("ı", "i").replace("ə", "e")
    return [t for t in re.split(r"[^\w]+", s) if t]


def tok_eq(a: str, b: str) -> bool:
    """Tokens are equal, or both have 4+ characters and are at least 80 % alike."""
    if a == b:
        return True
    if len(a) >= 4 and len(b) >= 4:
        return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8
    return False


def fuzzy(pred: object, golds: object, generic_filter: bool = False) -> bool:
    """True if `pred` matches any alias in `golds` (a string, None, or a list of them).

    A None prediction matches only a None alias. Otherwise the tokens of one side must be
    (nearly) all covered by the other's, or half of each side by the other. With
    `generic_filter`, the shared tokens must include one outside GENERIC.
    """
    aliases = golds if isinstance(golds, list) else [golds]
    if pred is None:
        return any(g is None for g in aliases)
    pt = norm_tokens(pred)
    for g in aliases:
        if g is None:
            continue
        gt = norm_tokens(g)
        if not gt or not pt:
            continue
        shared = [t for t in gt if any(tok_eq(t, p) for p in pt)]
        if generic_filter and not [t for t in shared if t not in GENERIC]:
            continue
        g_cov = len(shared) / len(gt)
        p_cov = len([p for p in pt if any(tok_eq(p, t) for t in gt)]) / len(pt)
        if g_cov >= 0.99 or p_cov >= 0.99 or (g_cov >= 0.5 and p_cov >= 0.5):
            return True
    return False


def date_ok(pred: object, gold: object) -> bool:
    """The predicted date starts with the gold date (gold `1994` accepts `1994-03-29`).

    A gold date without a prediction fails; no gold date accepts anything.
    """
    if gold is None:
        return True
    g, p = str(gold), str(pred or "")
    if not p:
        return False
    return p.startswith(g) or (g.startswith(p[:4]) and len(p) <= len(g) and g.startswith(p))


def _num(x: object) -> int | None:
    try:
        return int(x)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def doc_name(claim: Claim) -> str:
    """The file name of a claim's document (a path is reduced to its last part)."""
    return Path(str(claim.get("doc", ""))).name


def matches(p: Claim, g: Claim, events: Mapping[str, Mapping[str, Any]]) -> bool:
    """True if prediction `p` matches gold record `g` (see the module docstring)."""
    if p.get("type") != g["type"] or doc_name(p) != g["doc"]:
        return False
    ev = events.get(g["event"], {"labels": [g["event"]]})
    if not fuzzy(p.get("event"), list(ev["labels"]), generic_filter=True):
        return False
    if (g["type"] != "resolution" or "claimant" in g) and not fuzzy(
            p.get("claimant"), g.get("claimant")):
        return False
    if (p.get("stance") or "asserts") != g.get("stance", "asserts"):
        return False
    t = g["type"]
    if t == "casualty":
        return (p.get("measure") == g.get("measure")
                and _num(p.get("min")) == _num(g.get("min"))
                and _num(p.get("max")) == _num(g.get("max")))
    if t == "perpetrator":
        return fuzzy(p.get("actor"), g.get("actor"))
    if t == "classification":
        return str(p.get("label") or "").lower() == str(g.get("label")).lower()
    if t == "resolution":
        return fuzzy(p.get("body"), g.get("body")) and date_ok(p.get("date"), g.get("date"))
    return False


# ---------------------------------------------------------------- gold

@dataclass(frozen=True)
class GoldSet:
    """Events (by id), required and optional claims, forbidden claims, doc -> language."""

    events: dict[str, dict[str, Any]]
    claims: list[dict[str, Any]]
    forbidden: list[dict[str, Any]]
    languages: dict[str, str]

    @property
    def docs(self) -> set[str]:
        return {g["doc"] for g in self.claims}


def load_gold(paths: Iterable[Path]) -> GoldSet:
    """Read and merge gold YAML files (shape of shared/spec/seed_claims.yaml).

    Raises InputError if a file is missing, is not YAML, or has no `claims:` list.
    """
    events: dict[str, dict[str, Any]] = {}
    claims: list[dict[str, Any]] = []
    forbidden: list[dict[str, Any]] = []
    languages: dict[str, str] = {}
    for path in paths:
        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as e:
            raise InputError(f"cannot read gold file: {e.strerror}", where=str(path)) from e
        except yaml.YAMLError as e:
            raise InputError(f"gold file is not valid YAML: {e}", where=str(path)) from e
        if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
            raise InputError("gold file has no 'claims:' list", where=str(path),
                             fix="see shared/spec/seed_claims.yaml for the shape")
        for e in data.get("events") or []:
            events[e["id"]] = e
        claims += data["claims"]
        forbidden += data.get("forbidden") or []
        languages.update({str(k): str(v) for k, v in (data.get("languages") or {}).items()})
    return GoldSet(events, claims, forbidden, languages)


# ---------------------------------------------------------------- report

@dataclass
class Counts:
    """gold = required gold claims, hit = of those matched, pred = predictions, ok = correct."""

    gold: int = 0
    hit: int = 0
    pred: int = 0
    ok: int = 0

    @property
    def precision(self) -> float:
        return self.ok / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.hit / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.hit += other.hit
        self.pred += other.pred
        self.ok += other.ok

    def as_dict(self) -> dict[str, float | int]:
        return {"P": self.precision, "R": self.recall, "F1": self.f1, "gold": self.gold,
                "hit": self.hit, "pred": self.pred, "ok": self.ok}


@dataclass
class EvalReport:
    """Scores of predicted claims against gold, with the misses and the false claims."""

    by_type: dict[str, Counts] = field(default_factory=dict)
    by_language: dict[str, Counts] = field(default_factory=dict)
    total: Counts = field(default_factory=Counts)
    n_pred: int = 0
    grounded: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)

    @property
    def f1(self) -> float:
        return self.total.f1

    @property
    def grounded_rate(self) -> float:
        return self.grounded / self.n_pred if self.n_pred else 0.0

    def passes(self, min_f1: float) -> bool:
        """F1 at least `min_f1` and no forbidden claim extracted."""
        return self.f1 >= min_f1 and not self.violations

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.total.as_dict(),
            "types": {t: c.as_dict() for t, c in sorted(self.by_type.items())},
            "languages": {lang: c.as_dict() for lang, c in sorted(self.by_language.items())},
            "grounded": self.grounded_rate, "n_pred": self.n_pred,
            "missed": self.missed, "wrong": self.wrong, "violations": self.violations,
        }

    def lines(self) -> list[str]:
        """The human-readable report: score tables, then misses and false claims."""
        out = [f"{'type':16} {'P':>6} {'R':>6} {'F1':>6}  gold pred"]
        out += [_row(t, c) for t, c in sorted(self.by_type.items())]
        out.append(_row("ALL", self.total))
        out.append("")
        out.append(f"{'language':16} {'P':>6} {'R':>6} {'F1':>6}  gold pred")
        out += [_row(lang, c) for lang, c in sorted(self.by_language.items())]
        out.append("")
        out.append(f"grounded quotes: {self.grounded_rate:.2f}   "
                   f"forbidden-claim violations: {len(self.violations)}")
        for title, rows in (("forbidden claims extracted", self.violations),
                            ("missed (gold claims not found)", self.missed),
                            ("false claims (predictions matching no gold claim)", self.wrong)):
            if rows:
                out.append("")
                out.append(f"{title}: {len(rows)}")
                out += [f"  {describe(c)}" for c in rows]
        out.append("")
        out.append(f"F1={self.f1:.3f} P={self.total.precision:.3f} R={self.total.recall:.3f} "
                   f"grounded={self.grounded_rate:.2f} violations={len(self.violations)}")
        return out


def _shown(value: object) -> str:
    """A field for humans: an alias list as its preferred (first) alias, dates as ISO text."""
    if isinstance(value, list):
        value = value[0] if value else None
    return "null" if value is None else repr(value if isinstance(value, (int, float)) else str(value))


def _row(name: str, c: Counts) -> str:
    return f"{name:16} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f}  {c.gold:4} {c.pred:4}"


def describe(c: Claim) -> str:
    """One line for a claim: doc, type, event, claimant, stance, type fields, quote."""
    keys = {"casualty": ("measure", "min", "max", "victims"), "perpetrator": ("actor",),
            "classification": ("label",), "resolution": ("body", "date", "title")}
    fields = ", ".join(f"{k}={_shown(c.get(k))}" for k in keys.get(str(c.get("type")), ())
                       if k in c)
    who = "" if c.get("type") == "resolution" and "claimant" not in c else (
        f"claimant={_shown(c.get('claimant'))} ")
    text = (f"{doc_name(c)} {c.get('type')} event={_shown(c.get('event'))} "
            f"{who}{c.get('stance') or 'asserts'} {fields}")
    if c.get("quote"):
        text += f'\n      "{c["quote"]}"'
    return text


# ---------------------------------------------------------------- scoring

def score(gold: GoldSet, preds: Sequence[Claim], texts: Mapping[str, str],
          doc_languages: Mapping[str, str] | None = None) -> EvalReport:
    """Score predictions against gold.

    `texts` maps file name -> document text (for grounding); `doc_languages` maps file
    name -> language and is used for documents the gold's `languages:` map lacks.
    Predictions about documents without gold are ignored, as the reference scorer does.
    """
    languages = {**(doc_languages or {}), **gold.languages}
    docs = gold.docs
    preds = [p for p in preds if doc_name(p) in docs]
    by_type: dict[str, Counts] = defaultdict(Counts)
    by_lang: dict[str, Counts] = defaultdict(Counts)
    report = EvalReport()

    for g in gold.claims:
        if g.get("optional"):
            continue
        hit = any(matches(p, g, gold.events) for p in preds)
        for c in (by_type[g["type"]], by_lang[languages.get(g["doc"], "?")]):
            c.gold += 1
            c.hit += hit
        if not hit:
            report.missed.append(dict(g))

    for p in preds:
        name = doc_name(p)
        ok = any(matches(p, g, gold.events) for g in gold.claims if g["doc"] == name)
        for c in (by_type[str(p.get("type", "?"))], by_lang[languages.get(name, "?")]):
            c.pred += 1
            c.ok += ok
        if not ok:
            report.wrong.append(dict(p))
        if any(matches(p, f, gold.events) for f in gold.forbidden):
            report.violations.append(dict(p))
        report.grounded += _is_grounded(p, texts.get(name, ""))

    report.by_type = dict(by_type)
    report.by_language = dict(by_lang)
    for c in by_type.values():
        report.total.add(c)
    report.n_pred = len(preds)
    return report


def _is_grounded(p: Claim, text: str) -> bool:
    try:
        return bool(p.get("quote")) and text[int(p["start"]):int(p["end"])] == p["quote"]
    except (KeyError, TypeError, ValueError):
        return False


# ---------------------------------------------------------------- building

def document_files(docs: Iterable[Path]) -> dict[str, Path]:
    """File name -> path for the given .txt files and the .txt files in given folders.

    Raises InputError for a path that does not exist.
    """
    files: dict[str, Path] = {}
    for d in docs:
        d = Path(d)
        if d.is_dir():
            files.update({f.name: f for f in sorted(d.glob("*.txt"))})
        elif d.is_file():
            files[d.name] = d
        else:
            raise InputError("no such file or folder", where=str(d))
    return files


def store_languages(store_dir: Path) -> dict[str, str]:
    """File name -> language of every document in the store (empty if none recorded)."""
    from graph_build.store import open_store

    store = open_store(Path(store_dir), read_only=True)
    rows = store.query(_DOC_LANGUAGES, use_default_graph_as_union=True)
    return {row["name"].value: row["lang"].value for row in rows}  # type: ignore[index]


def evaluate(gold_paths: Sequence[Path | str], docs: Sequence[Path | str],
             store_dir: Path | str | None = None) -> EvalReport:
    """Build `docs` into a store (a temporary one unless `store_dir`), score its claims.

    Returns the EvalReport. Raises InputError for unreadable gold or documents, and
    whatever CkgError the build raises.
    """
    from . import api  # the builder API; imported late so scoring works without it

    gold = load_gold(Path(p) for p in gold_paths)
    files = document_files(Path(d) for d in docs)
    texts = {name: f.read_text(encoding="utf-8") for name, f in files.items()}
    with tempfile.TemporaryDirectory(prefix="ckg-eval-") as tmp:
        store = Path(store_dir) if store_dir is not None else Path(tmp) / "store"
        api.build(list(files.values()), store)
        preds = list(api.claims(store))
        languages = {} if gold.docs <= gold.languages.keys() else store_languages(store)
    return score(gold, preds, texts, languages)


# ---------------------------------------------------------------- command

@click.command("eval")
@click.argument("gold", type=str)
@click.argument("docs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", "store", type=click.Path(path_type=Path), default=None,
              help="Build into this store (default: a temporary one, removed afterwards).")
@click.option("--json", "json_out", type=click.Path(path_type=Path), default=None,
              help="Also write the full report as JSON to this file.")
@click.option("--min-f1", "min_f1", type=float, default=None,
              help="Exit 1 if overall F1 is below this, or any forbidden claim is extracted.")
@handle_errors
def eval_command(gold: str, docs: tuple[Path, ...], store: Path | None,
                 json_out: Path | None, min_f1: float | None) -> None:
    """Score the claims built from DOCS against GOLD (YAML; several: comma-separated).

    Prints precision, recall and F1 per claim type and per language, the grounded-quote
    rate, forbidden-claim violations, then the missed gold claims and the false claims.
    """
    report = evaluate([Path(p) for p in gold.split(",") if p], list(docs), store)
    for line in report.lines():
        click.echo(line)
    if json_out is not None:
        json_out.write_text(json.dumps(report.as_dict(), indent=1, default=str,
                                       ensure_ascii=False), encoding="utf-8")
    if min_f1 is not None and not report.passes(min_f1):
        raise SystemExit(1)


COMMANDS = [eval_command]
