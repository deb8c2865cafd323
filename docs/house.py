"""Draw the house: Kansli's apps in flow order and the imports between them, as an SVG.

    .venv/bin/python docs/house.py > docs/house.svg      (make house)

The apps are placed in rows, from the entry points at the top down to the base that every
stage uses; an arrow goes from the importing app to the imported one and is thicker the more
modules import across it. An arrow that points up breaks the import contract
(`[tool.importlinter]` in pyproject.toml) and is drawn red. The tests, the demo data, the
benchmarks and the entry points (URLs, the API's assembly, the command line, the shell's
navigation, overview and error pages) may import any app and are left out.
"""

from collections import Counter
from html import escape
from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parent.parent / "kansli"

ROWS = [
    ["followup"],
    ["meetings"],
    ["decisions"],
    ["preparation"],
    ["registry", "search"],
    ["delegation"],
    ["governance"],
    ["organisation", "accounts", "audit"],
    ["common"],
]
NODES = {"kansli.web": "common"}
LEFT_OUT = (
    "kansli.settings",
    "kansli.tests",
    "kansli.demo",
    "kansli.bench",
    "kansli.urls",
    "kansli.api",
    "kansli.cli",
    "kansli.wsgi",
    "kansli.web.views",
    "kansli.web.urls",
    "kansli.web.errors",
    "kansli.web.templatetags",
)
BOX_W, BOX_H, GAP_X, GAP_Y, STEP, MARGIN = 120, 34, 40, 40, 90, 20


def node(module: str) -> str | None:
    """The box a module is drawn in: the longest prefix in NODES, else its app, and "common"
    for the project's own modules beside the apps (legal_time, bounds, exports, texts ...)."""
    if module.startswith(LEFT_OUT) or ".tests" in module or module == "kansli":
        return None
    for prefix in sorted(NODES, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return NODES[prefix]
    app = module.split(".")[1]
    return app if (PACKAGE / app).is_dir() else "common"


def edges() -> Counter[tuple[str, str]]:
    """How many module imports lead from one box to another."""
    graph = grimp.build_graph("kansli")
    counted: Counter[tuple[str, str]] = Counter()
    for module in graph.modules:
        source = node(module)
        for imported in graph.find_modules_directly_imported_by(module):
            target = node(imported)
            if source and target and source != target:
                counted[source, target] += 1
    return counted


def svg(counted: Counter[tuple[str, str]]) -> str:
    """The rows as a staircase, each a step to the right, so that the arrows fan out."""
    widest = max(r * STEP + len(row) * (BOX_W + GAP_X) for r, row in enumerate(ROWS))
    width = 2 * MARGIN + widest
    height = 2 * MARGIN + len(ROWS) * BOX_H + (len(ROWS) - 1) * GAP_Y
    place = {}
    for r, row in enumerate(ROWS):
        offset = MARGIN + r * STEP
        for c, name in enumerate(row):
            place[name] = (offset + c * (BOX_W + GAP_X), MARGIN + r * (BOX_H + GAP_Y), r)
    row_of = {name: r for name, (_, _, r) in place.items()}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="14">',
        "<title>Kansli: apparna i flödesordning och importerna mellan dem</title>",
        '<defs><marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
    ]
    for (source, target), count in sorted(counted.items()):
        if source not in place or target not in place:
            raise SystemExit(f"docs/house.py: place {source} or {target} in ROWS")
        sx, sy, _ = place[source]
        tx, ty, _ = place[target]
        rows = row_of[target] - row_of[source]
        if rows == 0:
            x1, y1 = sx + (BOX_W if tx > sx else 0), sy + BOX_H / 2
            x2, y2 = tx + (0 if tx > sx else BOX_W), ty + BOX_H / 2
            path = f"M{x1:.0f},{y1:.0f} L{x2:.0f},{y2:.0f}"
        elif rows > 0:
            x1, y1 = sx + BOX_W, sy + BOX_H / 2
            x2, y2 = tx + BOX_W / 2, ty
            path = f"M{x1:.0f},{y1:.0f} C{x2:.0f},{y1:.0f} {x2:.0f},{y1:.0f} {x2:.0f},{y2:.0f}"
        else:
            x1, y1 = sx, sy + BOX_H / 2
            x2, y2 = tx + BOX_W / 2, ty + BOX_H
            path = f"M{x1:.0f},{y1:.0f} C{x2:.0f},{y1:.0f} {x2:.0f},{y1:.0f} {x2:.0f},{y2:.0f}"
        colour = "#c00" if rows < 0 else "#777"
        stroke = min(1 + count / 4, 6)
        parts.append(
            f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{stroke:.1f}" '
            f'stroke-opacity="0.6" marker-end="url(#head)">'
            f"<title>{escape(source)} → {escape(target)}: {count}</title></path>"
        )
    for name, (x, y, _) in place.items():
        parts.append(
            f'<rect x="{x:.0f}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#f4f1e8" '
            f'stroke="#333"/><text x="{x + BOX_W / 2:.0f}" y="{y + BOX_H / 2 + 5}" '
            f'text-anchor="middle">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(svg(edges()), end="")
