"""Shared helpers for the lexicon generators: TSV reading and a small,
deterministic YAML writer for the lexicon format (see README.md)."""

import json
import re

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 .'\-]*$")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def scalar(value):
    """Render a string, bool or int as a YAML scalar, quoting when needed."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    s = str(value)
    if (_PLAIN.match(s) and s.lower() not in _RESERVED
            and not s.endswith(" ") and ": " not in s and " #" not in s):
        return s
    return json.dumps(s, ensure_ascii=False)


def read_tsv(path):
    """Rows of a tab-separated file as dicts keyed by its header line.
    Lines starting with '#' and blank lines are skipped; missing trailing
    columns read as ''."""
    rows, header = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            cols += [""] * (len(header) - len(cols))
            rows.append({k: cols[i].strip() for i, k in enumerate(header)})
    return rows


def split_list(s):
    return [x.strip() for x in s.split(";") if x.strip()]


def parse_attrs(s):
    out = {}
    for kv in split_list(s):
        k, _, v = kv.partition("=")
        out[k.strip()] = {"true": True, "false": False}.get(v.strip(), v.strip())
    return out


def write_lexicon(path, comment, name, typ, case, entries):
    """Write a lexicon. `entries` are dicts with 'name', optional 'aliases'
    and other attributes (written in sorted key order). Raises on a surface
    form (name or alias) used twice, compared as the engine would match it
    for the given case mode."""
    seen = {}
    for e in entries:
        for form in [e["name"]] + list(e.get("aliases", [])):
            key = form.lower() if case == "insensitive" else form
            if key in seen:
                raise ValueError("%s: %r used by %r and %r"
                                 % (name, form, seen[key], e["name"]))
            seen[key] = e["name"]
    out = []
    for line in comment.strip().splitlines():
        out.append("# " + line if line else "#")
    out += ["lexicon: " + name, "type: " + typ, "case: " + case, "entries:"]
    for e in entries:
        keys = [k for k in sorted(e) if k not in ("name", "aliases")]
        if not keys and not e.get("aliases"):
            out.append("  - " + scalar(e["name"]))
            continue
        out.append("  - name: " + scalar(e["name"]))
        if e.get("aliases"):
            out.append("    aliases: [" + ", ".join(scalar(a) for a in e["aliases"]) + "]")
        for k in keys:
            out.append("    %s: %s" % (k, scalar(e[k])))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
