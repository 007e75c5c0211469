"""Docs tests (STYLE §5, datasette ``tests/test_docs.py``): every command, detector, label and policy key is
documented, every command has ``--help``, and the examples in README.md and docs/*.md run.

Everything is discovered at run time (the Typer app, the entry-point registry, the default policy pack), so a new
command, option, detector, label or policy key fails here until docs/ describes it.

Conventions for examples (also written in docs/index.md, "Writing docs"):

* every fenced ```` ```python ```` block runs, in order, in one namespace per page, in a fresh temporary directory
  (no network: sockets to other hosts raise); put ``<!-- no-run -->`` on the line before a block to skip it;
* a fenced ```` ```bash ```` block runs only when the line before it is ``<!-- run -->``; each command in it must
  start with ``kiemchung `` and must exit 0 (run in-process through Typer's CliRunner, in the page's temporary
  directory, with ``KIEMCHUNG_DB`` and the user data directory inside it); ``< FILE`` feeds a file to stdin;
* ``<!-- file: NAME -->`` on the line before a fenced block of any language writes its content to ``NAME`` in the
  page's temporary directory before any example of the page runs (example inputs such as ``posts.jsonl``, or a
  module that the page's python examples import: the directory is on ``sys.path`` while they run).
"""

from __future__ import annotations

import importlib
import re
import shlex
import socket
import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
DEFAULT_PACK = REPO / "src" / "kiemchung" / "policy" / "packs" / "default.toml"
EXAMPLE_PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]
REQUIRED_PAGES = ("index.md", "cli.md", "detectors.md", "policy.md", "formats.md", "scale.md", "plugins.md")


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------------ commands


def _command_name(info: Any) -> str:
    if info.name:
        return str(info.name)
    return str(info.callback.__name__).lower().replace("_", "-")


def _walk(app: typer.Typer, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command and group path registered on a Typer app (registered_commands / registered_groups)."""
    for info in app.registered_commands:
        if info.hidden:
            continue
        yield (*prefix, _command_name(info))
    for group in app.registered_groups:
        sub = group.typer_instance
        assert sub is not None, f"a group under {prefix} has no Typer instance"
        name = group.name or sub.info.name
        assert name, f"a group under {prefix} has no name"
        yield (*prefix, str(name))
        yield from _walk(sub, (*prefix, str(name)))


def _app() -> typer.Typer:
    from kiemchung.cli.main import app

    return app


COMMANDS = sorted(set(_walk(_app())))


def _click_command(path: tuple[str, ...]) -> Any:
    cmd: Any = get_command(_app())
    for part in path:
        cmd = cmd.commands[part]
    return cmd


def _section(doc: str, path: tuple[str, ...]) -> str | None:
    """The text under the heading whose first code span is ``kiemchung <path>`` (e.g. ``### `kiemchung scan` — …``),
    up to the next heading of the same or a higher level."""
    full = "kiemchung " + " ".join(path)
    lines = doc.splitlines()
    levels = _heading_levels(lines)
    for i, line in enumerate(lines):
        if levels[i] == 0:
            continue
        code = re.search(r"`([^`]*)`", line)
        if not code or code.group(1).strip() != full:
            continue
        end = next((j for j in range(i + 1, len(lines)) if 0 < levels[j] <= levels[i]), len(lines))
        return "\n".join(lines[i + 1 : end])
    return None


def _heading_levels(lines: list[str]) -> list[int]:
    """The Markdown heading level of each line (0: not a heading; lines inside fenced blocks never are)."""
    out = []
    fence = ""
    for line in lines:
        stripped = line.strip()
        if fence:
            out.append(0)
            if stripped.startswith(fence):
                fence = ""
            continue
        f = re.match(r"(```+|~~~+)", stripped)
        if f:
            fence = f.group(1)
            out.append(0)
            continue
        h = re.match(r"^(#{1,6})\s", line)
        out.append(len(h.group(1)) if h else 0)
    return out


def test_docs_pages_exist_and_index_links_them() -> None:
    index = _read("index.md")
    for name in REQUIRED_PAGES:
        assert (DOCS / name).is_file(), f"docs/{name} is missing"
    for page in sorted(DOCS.glob("*.md")):
        if page.name != "index.md":
            assert f"({page.name})" in index, f"docs/index.md does not link {page.name}"


def test_docs_cli_walk_finds_commands() -> None:
    # guard against a walk that silently finds nothing, or misses what click would run
    assert ("check",) in COMMANDS and ("scan",) in COMMANDS

    def click_paths(cmd: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
        for name, sub in getattr(cmd, "commands", {}).items():
            if not getattr(sub, "hidden", False):
                yield (*prefix, name)
                yield from click_paths(sub, (*prefix, name))

    assert set(COMMANDS) == set(click_paths(get_command(_app())))


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_docs_cli_command_documented_with_options(path: tuple[str, ...]) -> None:
    doc = _read("cli.md")
    section = _section(doc, path)
    assert section is not None, f"docs/cli.md has no heading for `kiemchung {' '.join(path)}`"
    cmd = _click_command(path)
    if hasattr(cmd, "commands"):  # a group: its sub-commands are listed in its section
        for sub in cmd.commands:
            assert f"kiemchung {' '.join(path)} {sub}" in doc, (
                f"docs/cli.md: `{' '.join(path)} {sub}` missing"
            )
        return
    missing = []
    for param in cmd.params:
        if getattr(param, "param_type_name", "") != "option":
            continue
        for opt in [*param.opts, *param.secondary_opts]:
            if opt.startswith("--") and not re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", section):
                missing.append(opt)
    assert not missing, f"docs/cli.md, section `kiemchung {' '.join(path)}`, does not mention {missing}"
    assert "kiemchung " + " ".join(path) in "\n".join(
        line for line in section.splitlines() if not line.startswith("#")
    ), f"docs/cli.md, section `kiemchung {' '.join(path)}`, has no example"


def test_docs_cli_headings_name_real_commands() -> None:
    """The other way round: docs/cli.md documents no command that does not exist (any more)."""
    lines = _read("cli.md").splitlines()
    levels = _heading_levels(lines)
    known = {"kiemchung " + " ".join(p) for p in COMMANDS}
    stale = []
    for line, level in zip(lines, levels):
        code = re.search(r"`([^`]*)`", line) if level else None
        if code and code.group(1).startswith("kiemchung ") and code.group(1).strip() not in known:
            stale.append(code.group(1))
    assert not stale, f"docs/cli.md documents commands that do not exist: {stale}"


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=["kiemchung", *[" ".join(p) for p in COMMANDS]])
def test_docs_cli_help_exits_zero(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(_app(), [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped (letters of any script kept), spaces → '-'."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    lines = page.read_text(encoding="utf-8").splitlines()
    seen: dict[str, int] = {}
    out = set()
    for line, level in zip(lines, _heading_levels(lines)):
        if level:
            base = _slug(line.lstrip("#"))
            n = seen.get(base, 0)
            seen[base] = n + 1
            out.add(base if n == 0 else f"{base}-{n}")
    return out


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda p: p.name)
def test_docs_links_resolve(page: Path) -> None:
    """Relative links between docs pages point at files that exist and headings that exist."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # not inside code blocks
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # http(s):, mailto:
        path, _, anchor = target.partition("#")
        dest = (page.parent / path) if path else page
        if not dest.exists():
            broken.append(target)
        elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
            broken.append(target)
    assert not broken, f"{page.name}: broken links {broken}"


# ------------------------------------------------------------------------------------------------ detectors


def _tiny_factchecks() -> list[dict[str, str]]:
    return [
        {
            "id": "doc-fc-1",
            "claim": "Uống nước chanh nóng chữa khỏi ung thư",
            "rating": "Sai sự thật",
            "url": "https://example.org/fc/1",
            "date": "2026-01-02",
        }
    ]


def _registry() -> Any:
    from kiemchung.detectors.base import Settings
    from kiemchung.detectors.registry import Registry

    # fact-checks make the claims detector load (without them it is skipped by design)
    return Registry.from_entry_points(Settings(factchecks=_tiny_factchecks()))


def test_docs_detectors_every_name_and_label() -> None:
    doc = _read("detectors.md")
    reg = _registry()
    assert len(reg) > 0
    missing = []
    for det in reg:
        if f"`{det.name}`" not in doc:
            missing.append(det.name)
        for label in sorted(det.labels):
            if f"`{label}`" not in doc:
                missing.append(f"{label} ({det.name})")
    assert not missing, f"docs/detectors.md does not document {missing}"


def test_docs_detectors_entry_points_listed_in_plugins() -> None:
    from importlib.metadata import entry_points

    doc = _read("detectors.md") + _read("plugins.md")
    for ep in entry_points(group="kiemchung.detectors"):
        if ep.value.startswith("kiemchung."):
            assert ep.value in doc, f"built-in entry point {ep.name} = {ep.value} is not in the docs"


def test_docs_detectors_rules_of_default_pack() -> None:
    """Every rule id of the default pack is explained beside the labels it covers."""
    data = tomllib.loads(DEFAULT_PACK.read_text(encoding="utf-8"))
    doc = _read("detectors.md")
    for rule in data.get("rules", {}):
        assert f"`{rule}`" in doc, f"docs/detectors.md does not name rule {rule}"


# ------------------------------------------------------------------------------------------------ policy


def _toml_keys(data: Any) -> set[str]:
    keys: set[str] = set()
    if isinstance(data, dict):
        for k, v in data.items():
            keys.add(str(k))
            keys |= _toml_keys(v)
    return keys


def test_docs_policy_every_key_of_default_pack() -> None:
    from kiemchung.policy.pack import ACTIONS

    doc = _read("policy.md")
    data = tomllib.loads(DEFAULT_PACK.read_text(encoding="utf-8"))
    keys = _toml_keys(data)
    actions = {str(spec.get("action")) for spec in data.get("labels", {}).values()} | set(ACTIONS)
    missing = sorted(
        k for k in keys | actions if not re.search(rf"(?<![\w.\-]){re.escape(k)}(?![\w\-])", doc)
    )
    assert not missing, f"docs/policy.md does not mention {missing}"


def test_docs_policy_example_pack_loads(tmp_path: Path) -> None:
    """The complete example pack in docs/policy.md (the block after ``<!-- file: my-pack.toml -->``) is valid."""
    from kiemchung.policy.pack import load_policy

    packs = {b.file: b.code for b in _blocks(DOCS / "policy.md") if b.file and b.file.endswith(".toml")}
    assert packs, "docs/policy.md has no example pack marked <!-- file: NAME.toml -->"
    for name, code in packs.items():
        p = tmp_path / name
        p.write_text(code, encoding="utf-8")
        pack = load_policy(p)
        assert pack.name and pack.version >= 1


# ------------------------------------------------------------------------------------------------ examples


@dataclass(frozen=True)
class Block:
    lang: str
    code: str
    line: int
    marker: str  # "run", "no-run", "" or "file: NAME"

    @property
    def file(self) -> str | None:
        return self.marker[5:].strip() if self.marker.startswith("file:") else None


def _blocks(page: Path) -> list[Block]:
    """Fenced blocks of a Markdown page with the HTML-comment marker on the line before each (if any)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    out: list[Block] = []
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)(```+|~~~+)\s*([\w+-]*)", lines[i])
        if not m:
            i += 1
            continue
        indent, fence, lang = m.group(1), m.group(2), m.group(3).lower()
        prev = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        mk = re.fullmatch(r"<!--\s*(.*?)\s*-->", prev)
        marker = mk.group(1) if mk else ""
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not lines[j].strip().startswith(fence):
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j])
            j += 1
        out.append(Block(lang, "\n".join(body) + "\n", i + 1, marker))
        i = j + 1
    return out


def _commands(code: str) -> list[str]:
    """Commands of a bash block: continuation lines joined, blank and comment lines dropped."""
    joined = re.sub(r"\s*\\\n\s*", " ", code)
    return [ln.strip() for ln in joined.splitlines() if ln.strip() and not ln.strip().startswith("#")]


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Examples must not need the network: connecting anywhere but this machine raises."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1", "localhost"):
            raise OSError(f"docs example tried to reach the network ({address!r})")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture()
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_network: None) -> Path:
    """A temporary working directory holding the database and the user data directory."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KIEMCHUNG_DB", f"sqlite:///{tmp_path / 'kiemchung.db'}")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("KIEMCHUNG_REDACT_SALT", raising=False)
    return tmp_path


def _write_files(page: Path, where: Path) -> None:
    for b in _blocks(page):
        if b.file:
            target = where / b.file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(b.code, encoding="utf-8")


def _rel(page: Path) -> str:
    return str(page.relative_to(REPO))


def _python_blocks(page: Path) -> list[Block]:
    return [b for b in _blocks(page) if b.lang in ("python", "py") and b.marker != "no-run" and not b.file]


def _bash_blocks(page: Path) -> list[Block]:
    return [b for b in _blocks(page) if b.lang in ("bash", "sh", "console", "shell") and b.marker == "run"]


PYTHON_PAGES = [p for p in EXAMPLE_PAGES if _python_blocks(p)]
BASH_PAGES = [p for p in EXAMPLE_PAGES if _bash_blocks(p)]


def test_docs_examples_found() -> None:
    # guard against a parser that silently finds nothing
    assert REPO / "docs" / "cli.md" in BASH_PAGES and REPO / "docs" / "plugins.md" in PYTHON_PAGES


@pytest.mark.parametrize("page", PYTHON_PAGES, ids=_rel)
def test_docs_python_examples_run(page: Path, sandbox: Path) -> None:
    blocks = _python_blocks(page)
    _write_files(page, sandbox)
    namespace: dict[str, Any] = {"__name__": "__docs_example__"}
    with _importable(sandbox):
        for b in blocks:
            code = compile(b.code, f"{_rel(page)}:{b.line}", "exec")
            try:
                exec(code, namespace)  # noqa: S102 - running our own documentation is the point
            except Exception as exc:  # pragma: no cover - the message is the test's output
                pytest.fail(f"{_rel(page)} line {b.line}: python example failed: {exc!r}")


@contextmanager
def _importable(where: Path) -> Iterator[None]:
    """Modules written by ``<!-- file: … -->`` blocks import while the examples run, and are forgotten after."""
    before = set(sys.modules)
    sys.path.insert(0, str(where))
    importlib.invalidate_caches()
    try:
        yield
    finally:
        sys.path.remove(str(where))
        for name in set(sys.modules) - before:
            origin = getattr(sys.modules[name], "__file__", None) or ""
            if origin.startswith(str(where)):
                del sys.modules[name]


def test_docs_plugin_example_loads_through_entry_point(tmp_path: Path) -> None:
    """The plugin of docs/plugins.md, "installed" as a distribution on sys.path, is found by the entry-point group."""
    from kiemchung.analyzer import Analyzer
    from kiemchung.detectors.registry import ENTRY_POINT_GROUP, Registry
    from kiemchung.types import Document

    page = DOCS / "plugins.md"
    files = {b.file: b.code for b in _blocks(page) if b.file}
    assert "pyproject.toml" in files, "docs/plugins.md: the example needs <!-- file: pyproject.toml -->"
    project = tomllib.loads(files.pop("pyproject.toml"))["project"]
    eps = project["entry-points"][ENTRY_POINT_GROUP]
    _write_files(page, tmp_path)
    dist = tmp_path / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    (dist / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\n" + "".join(f"{k} = {v}\n" for k, v in eps.items()), encoding="utf-8"
    )
    with _importable(tmp_path):
        registry = Registry.from_entry_points(only=list(eps))
        assert len(registry) >= 1
        doc = _read("plugins.md")
        for det in registry:
            assert f"`{det.name}`" in doc or f'"{det.name}"' in doc
        report = Analyzer(registry).analyze(Document("Cút đi, đồ ngốc!"))
        assert report.findings and all(report.text[f.start : f.end] for f in report.findings)


@pytest.mark.parametrize("page", BASH_PAGES, ids=_rel)
def test_docs_bash_examples_run(page: Path, sandbox: Path) -> None:
    blocks = _bash_blocks(page)
    _write_files(page, sandbox)
    runner = CliRunner()
    app = _app()
    for b in blocks:
        for cmd in _commands(b.code):
            args = shlex.split(cmd, comments=True)
            assert args[0] == "kiemchung", (
                f"{_rel(page)}:{b.line}: a runnable example must start with kiemchung"
            )
            stdin = None
            if "<" in args:  # `kiemchung … < FILE`: the only shell syntax runnable examples may use
                i = args.index("<")
                stdin = (sandbox / args[i + 1]).read_text(encoding="utf-8")
                args = args[:i] + args[i + 2 :]
            result = runner.invoke(app, args[1:], input=stdin, env={"COLUMNS": "120"})
            assert result.exit_code == 0, (
                f"{_rel(page)}:{b.line}: `{cmd}` exited {result.exit_code}\n{result.output}"
                + (
                    f"\n{result.exception!r}"
                    if result.exception and not isinstance(result.exception, SystemExit)
                    else ""
                )
            )


def _resolve(args: list[str]) -> tuple[tuple[str, ...], Any, list[str]]:
    """(command path, click command, remaining args) for the arguments after ``kiemchung``."""
    cmd: Any = get_command(_app())
    path: list[str] = []
    rest = list(args)
    while hasattr(cmd, "commands") and rest and rest[0] in cmd.commands:
        path.append(rest[0])
        cmd = cmd.commands[rest.pop(0)]
    return tuple(path), cmd, rest


@pytest.mark.parametrize("page", EXAMPLE_PAGES, ids=_rel)
def test_docs_bash_examples_name_real_commands_and_options(page: Path) -> None:
    """Every `kiemchung …` line of a bash block, runnable or not, names a real command and only its options."""
    problems = []
    for b in _blocks(page):
        if b.lang not in ("bash", "sh", "console", "shell"):
            continue
        for line in _commands(b.code):
            try:
                words = shlex.split(line, comments=True)
            except ValueError:
                continue
            while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
                words.pop(0)  # VAR=value prefixes
            if not words or words[0] != "kiemchung":
                continue
            words = words[1:]
            for i, w in enumerate(words):
                if w in ("|", "<", ">", "&&", ";", "||", "2>"):
                    words = words[:i]  # the rest belongs to the shell
                    break
            path, cmd, rest = _resolve(words)
            if not path or hasattr(cmd, "commands"):
                if "--help" not in rest:
                    problems.append(f"line {b.line}: `{line}` names no command")
                continue
            known = {o for p in cmd.params for o in [*p.opts, *p.secondary_opts]} | {"--help"}
            for w in rest:
                if w.startswith("-") and len(w) > 1 and not re.fullmatch(r"-\d.*", w):
                    if w.split("=", 1)[0] not in known:
                        problems.append(f"line {b.line}: `kiemchung {' '.join(path)}` has no option {w}")
    assert not problems, f"{_rel(page)}:\n" + "\n".join(problems)


def test_docs_resolve_finds_commands_and_options() -> None:
    path, cmd, rest = _resolve(["factchecks", "import", "x.jsonl", "--json"])
    assert path == ("factchecks", "import") and rest == ["x.jsonl", "--json"]
    assert "--json" in {o for p in cmd.params for o in p.opts}
    path, cmd, rest = _resolve(["nosuch", "--json"])
    assert path == () and hasattr(cmd, "commands")


def test_docs_block_parser_reads_markers(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text(
        'text\n\n<!-- run -->\n```bash\nkiemchung check \\\n  "a b" --json  # c\n```\n\n'
        '<!-- file: posts.jsonl -->\n```json\n{"id": "1"}\n```\n\n```python\nx = 1\n```\n',
        encoding="utf-8",
    )
    blocks = _blocks(page)
    assert [(b.lang, b.marker) for b in blocks] == [
        ("bash", "run"),
        ("json", "file: posts.jsonl"),
        ("python", ""),
    ]
    assert blocks[1].file == "posts.jsonl" and blocks[1].code == '{"id": "1"}\n'
    assert _commands(blocks[0].code) == ['kiemchung check "a b" --json  # c']
    assert shlex.split(_commands(blocks[0].code)[0], comments=True) == ["kiemchung", "check", "a b", "--json"]
    assert blocks[2].code == "x = 1\n"
