"""Fill unfinished entries of a Qt .ts catalogue: from other .ts files (a merge of branches that each translated
their own strings) and/or from a JSON object {"context": {"source": "translation"}}. Then run `make translations`,
which rewrites the file in lupdate's own layout and compiles it.

    python tools/ts_fill.py resources/i18n/motcua_en.ts other1.ts other2.ts more.json
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _known(paths: list[str]) -> dict[tuple[str, str], str]:
    known: dict[tuple[str, str], str] = {}
    for path in paths:
        if path.endswith(".json"):
            for context, entries in json.loads(Path(path).read_text(encoding="utf-8")).items():
                for source, text in entries.items():
                    known[(context, source)] = text
            continue
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") is None and (translation.text or "").strip():
                    known.setdefault((name, message.findtext("source") or ""), translation.text or "")
    return known


def main(target: str, *sources: str) -> int:
    known = _known(list(sources))
    tree = ET.parse(target)
    filled = left = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            text = known.get((name, message.findtext("source") or ""))
            if text is None:
                left += 1
                continue
            translation.text = text
            del translation.attrib["type"]
            filled += 1
    tree.write(target, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled}, still unfinished {left}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
