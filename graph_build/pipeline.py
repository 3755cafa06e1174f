"""The build: documents -> segments -> claims -> triples -> store, atomically.

`build` reads and checks every input before touching the store, extracts only documents
that are new or changed (by content hash), keeps every other document's graph, then
recomputes the entities graph, carries the accepted `owl:sameAs` links forward for the
entities still present, and swaps the new store in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from .claims import extract_claims
from .errors import CkgError, StoreError
from .ingest import read_documents
from .lexicon import Lexicon, load_lexicon
from .namespaces import GRAPH_ENTITIES, GRAPH_ONTOLOGY, doc_graph
from .resolve import GRAPH_LINKS, carried_links, entities_graph
from .segment import segment
from .settings import Settings
from .store import atomic_rewrite, is_store, open_store
from .triples import document_graph

_HASHES = """
SELECT ?g ?hash WHERE { GRAPH ?g { ?d <https://w3id.org/ckg/ns#contentHash> ?hash } }
"""


@dataclass
class BuildReport:
    """What a build did, for the command line and for callers."""

    store: Path
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    claims: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{n}" for n in self.notes]
        for name, verb in ((self.added, "added"), (self.replaced, "replaced"),
                           (self.unchanged, "unchanged"), (self.removed, "removed")):
            for d in name:
                extra = f" ({self.claims[d]} claims)" if d in self.claims else ""
                out.append(f"{verb}: {d}{extra}")
        out.append(f"store: {self.store}")
        return out


def _rdf_bytes(graph) -> bytes:  # type: ignore[no-untyped-def]
    return graph.serialize(format="nt", encoding="utf-8")


def _load_graph(store: ox.Store, data: bytes, name: ox.NamedNode) -> None:
    store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)


def _ontology_files() -> list[Path]:
    files: list[Path] = []
    for pkg in ("ontology", "ontology.lexicon"):
        root = resources.files(pkg)
        files.extend(sorted((Path(str(p)) for p in root.iterdir() if str(p).endswith(".ttl")),
                            key=lambda p: p.name))
    return files


def _load_ontology(store: ox.Store) -> None:
    g = ox.NamedNode(str(GRAPH_ONTOLOGY))
    for f in _ontology_files():
        store.load(path=str(f), format=ox.RdfFormat.TURTLE, to_graph=g)


def _existing(old: ox.Store | None) -> dict[str, str]:
    if old is None:
        return {}
    return {row["g"].value: row["hash"].value for row in old.query(_HASHES)}


# Graphs recomputed by every build and remove rather than copied from the old store.
_DERIVED = (str(GRAPH_ENTITIES), str(GRAPH_ONTOLOGY), str(GRAPH_LINKS))


def _finish(new: ox.Store, lex: Lexicon, old: ox.Store | None) -> None:
    _load_ontology(new)
    ent = entities_graph(new, lex)
    _load_graph(new, _rdf_bytes(ent), ox.NamedNode(str(GRAPH_ENTITIES)))
    links = carried_links(old, ent)
    if len(links):
        _load_graph(new, _rdf_bytes(links), ox.NamedNode(str(GRAPH_LINKS)))


def build(paths: list[Path], store_dir: Path, settings: Settings | None = None) -> BuildReport:
    """Build `paths` (files or folders of .txt) into the store at `store_dir`.

    Raises InputError/ManifestError for bad input (the store is untouched), StoreError if
    `store_dir` is something else than a ckg store.
    """
    settings = settings or Settings(store=Path(store_dir))
    lex = load_lexicon()
    docs = read_documents([Path(p) for p in paths], lex)
    report = BuildReport(Path(store_dir))
    for d in docs:
        report.notes.extend(f"{d.file_name}: {n}" for n in d.notes)
    with atomic_rewrite(Path(store_dir)) as (new, old):
        hashes = _existing(old)
        rebuilt: set[str] = set()
        graphs: dict[str, bytes] = {}
        for d in docs:
            gname = str(doc_graph(d.doc_id))
            if hashes.get(gname) == d.content_hash:
                report.unchanged.append(d.file_name)
                continue
            try:
                seg = segment(d, lex)
                claims = extract_claims(seg, lex)
                graph = document_graph(seg, claims, lex, settings.quote_context)
                graphs[gname] = _rdf_bytes(graph)
            except CkgError:
                raise
            except Exception as e:  # an extractor bug must not become a traceback or a half store
                raise CkgError(f"extraction failed: {type(e).__name__}: {e}", where=str(d.path)) from e
            report.claims[d.file_name] = len(claims)
            (report.replaced if gname in hashes else report.added).append(d.file_name)
            rebuilt.add(gname)
        if old is not None:
            for g in old.named_graphs():
                if g.value in rebuilt or g.value in _DERIVED:
                    continue
                new.extend(old.quads_for_pattern(None, None, None, g))
        for gname in sorted(graphs):
            _load_graph(new, graphs[gname], ox.NamedNode(gname))
        _finish(new, lex, old)
    return report


def remove(names: list[str], store_dir: Path) -> BuildReport:
    """Drop documents (by file name or id) from the store and re-resolve entities."""
    store_dir = Path(store_dir)
    if not is_store(store_dir):
        raise StoreError("not a ckg store", where=str(store_dir))
    lex = load_lexicon()
    report = BuildReport(store_dir)
    wanted = {str(doc_graph(Path(n).stem)): n for n in names}
    with atomic_rewrite(store_dir) as (new, old):
        assert old is not None
        present = {g.value for g in old.named_graphs()}
        missing = [n for g, n in wanted.items() if g not in present]
        if missing:
            raise StoreError(f"no such document in the store: {', '.join(missing)}", where=str(store_dir))
        for g in old.named_graphs():
            if g.value in wanted or g.value in _DERIVED:
                continue
            new.extend(old.quads_for_pattern(None, None, None, g))
        _finish(new, lex, old)
    report.removed = sorted(wanted.values())
    return report


__all__ = ["BuildReport", "build", "open_store", "remove"]
